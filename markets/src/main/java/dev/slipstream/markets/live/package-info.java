/**
 * Markets from the live analytics: what each stream's tracks are doing (speed series, strides,
 * events), market templates that propose, price and decide micro-markets from it, and the generator
 * that runs them per stream.
 */
@NullMarked
package dev.slipstream.markets.live;

import org.jspecify.annotations.NullMarked;
