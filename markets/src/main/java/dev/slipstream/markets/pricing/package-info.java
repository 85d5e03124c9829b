/**
 * Prices of micro-markets: fair probabilities from the analytics (barrier crossing of a speed
 * series, hazard of an event), the bookmaker's margin, and the odds formats bettors read.
 */
@NullMarked
package dev.slipstream.markets.pricing;

import org.jspecify.annotations.NullMarked;
