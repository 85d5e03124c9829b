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

  /** The analytics stalled: every open market of the stream is suspended from this media time. */
  void stalled(String streamId, long mediaTimeUs);

  /** Analytics flow again after a stall: stalled markets may reopen. */
  void resumed(String streamId, long mediaTimeUs);
}
