package dev.slipstream.markets.sequencer;

/**
 * Told, in the shard's order, when a standing bet leaves its shard: won or lost when its market
 * settles, void when the market is voided or the bet is struck (placed after a suspension point),
 * lapses, or its stake could not be held. Called on the shard's thread: implementations only hand
 * the news on.
 */
@FunctionalInterface
public interface BetClosedListener {
  /** How a bet ended. */
  enum Ending {
    WON,
    LOST,
    VOID,
    /** Its bettor cancelled it while it was pending its delay; the stake goes back. */
    CANCELLED
  }

  /**
   * A bet ended.
   *
   * @param betId the bet
   * @param ending won, lost or void
   * @param payoutMinor the payout (stake included) when won; 0 otherwise (a void bet's stake goes
   *     back to its wallet)
   */
  void closed(String betId, Ending ending, long payoutMinor);

  /** A pending bet's delay ran out with its market still open: it stands from now on. */
  default void confirmed(String betId) {}

  /** Listens to nothing. */
  BetClosedListener NONE = (betId, ending, payoutMinor) -> {};
}
