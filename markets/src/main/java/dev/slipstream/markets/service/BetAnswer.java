package dev.slipstream.markets.service;

/** What became of a bet asked for over REST. */
public sealed interface BetAnswer {
  /** Whether this repeats the answer to an earlier request with the same key. */
  boolean replay();

  /** The bet stands. */
  record Placed(BetView bet, boolean replay) implements BetAnswer {}

  /**
   * The bet was refused.
   *
   * @param code the reject code in lower case without its prefix, e.g. {@code stale_price}
   * @param detail a sentence for the bettor
   */
  record Refused(String code, String detail, boolean replay) implements BetAnswer {}
}
