package dev.slipstream.markets.live;

import dev.slipstream.wire.v1.AnalyticsFrame;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One kind of micro-market: when to open one, how to price it from the analytics, and how the
 * analytics decide it. Templates hold no state of their own; the stream's {@link StreamAnalytics}
 * and the market's {@link MarketSpec} are all they read.
 */
public interface MarketTemplate {

  /**
   * Proposes a market about what the stream shows now, or empty when there is nothing worth asking.
   * The generator opens it only when its probabilities are within bounds.
   *
   * @param newId makes a market id
   */
  Optional<MarketSpec> propose(StreamAnalytics analytics, Supplier<String> newId);

  /** The fair probability of each selection now; they sum to 1. */
  double[] fairProbabilities(MarketSpec market, StreamAnalytics analytics);

  /**
   * Decides the market from a new frame (already added to {@code analytics}), or empty while it is
   * still open. Reaching the window's end decides too.
   */
  Optional<Outcome> decide(MarketSpec market, AnalyticsFrame frame, StreamAnalytics analytics);

  /** Clamps a probability away from 0 and 1, which no price can carry. */
  static double bounded(double p) {
    return Math.max(0.005, Math.min(0.995, p));
  }
}
