package dev.slipstream.markets.engine;

/**
 * The risk rules a market's bets are checked against.
 *
 * @param minStakeMinor the smallest stake, minor units
 * @param maxStakeMinor the largest stake for an account of full confidence, minor units
 * @param liabilityCapMinor the most the book may pay out net on any one selection, minor units
 * @param betsPerAccountPerSecond how many bets an account may place per second on one shard
 * @param burst how many bets an account may place at once before the rate applies
 */
public record RiskLimits(
    long minStakeMinor,
    long maxStakeMinor,
    long liabilityCapMinor,
    double betsPerAccountPerSecond,
    int burst) {

  /** Stakes 0.10–500.00, liability 20,000.00 a selection, 5 bets a second with bursts of 10. */
  public static final RiskLimits DEFAULTS = new RiskLimits(10, 50_000, 2_000_000, 5, 10);

  /** Checks the limits make sense. */
  public RiskLimits {
    if (minStakeMinor <= 0 || maxStakeMinor < minStakeMinor || liabilityCapMinor <= 0) {
      throw new IllegalArgumentException(
          "stakes need 0 < min ≤ max and a positive liability cap (were "
              + minStakeMinor
              + ", "
              + maxStakeMinor
              + ", "
              + liabilityCapMinor
              + ")");
    }
    if (!(betsPerAccountPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException(
          "the bet rate must be positive with a burst of at least 1 (were "
              + betsPerAccountPerSecond
              + ", "
              + burst
              + ")");
    }
  }
}
