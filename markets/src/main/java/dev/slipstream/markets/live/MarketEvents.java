package dev.slipstream.markets.live;

/**
 * What a stream's market generator tells the bet engine's shard: markets opened, repriced,
 * suspended and decided, all keyed by the stream's media time. Fair probabilities only: the margin
 * and the odds ladder are the engine side's business.
 */
public interface MarketEvents {

  /** A market opened with its first fair probabilities. */
  void opened(MarketSpec market, double[] fairProbabilities);

  /** New fair probabilities (at least five times a second while open). */
  void repriced(MarketSpec market, double[] fairProbabilities);

  /**
   * The analytics decided the market (or cannot: {@link Outcome#isVoid()}); bets from {@code
   * outcome.decidedAtUs()} on must be refused, and it settles or voids.
   */
  void decided(MarketSpec market, Outcome outcome);

  /**
   * The analytics have just decided the market and {@link #decided} will follow: a wrapper that
   * does slow work first (storing the evidence) calls this before it, so the market stops taking
   * bets without waiting for that work. Does nothing by default.
   */
  default void deciding(MarketSpec market, Outcome outcome) {}

  /** The analytics stalled: every open market of the stream is suspended from this media time. */
  void stalled(String streamId, long mediaTimeUs);

  /** Analytics flow again after a stall: stalled markets may reopen. */
  void resumed(String streamId, long mediaTimeUs);

  /**
   * A frame of the stream was taken, its markets decided: bets waiting out a delay whose time has
   * come are confirmed (or lapse) at this media time.
   */
  default void ticked(String streamId, long mediaTimeUs) {}
}
