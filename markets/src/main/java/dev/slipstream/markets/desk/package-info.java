/**
 * The desk between the live markets and the bet engine: fair probabilities become prices (margin,
 * odds ladder), market events become engine commands, and every change is published as a {@code
 * MarketUpdate} for viewers.
 */
@NullMarked
package dev.slipstream.markets.desk;

import org.jspecify.annotations.NullMarked;
