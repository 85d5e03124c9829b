package dev.slipstream.markets.live;

/**
 * How a stream's market generator behaves.
 *
 * @param minProbability a market opens only if every selection is at least this likely
 * @param maxProbability ... and at most this likely
 * @param maxOpenMarkets open markets per stream, at most
 * @param repriceEveryMicros media time between price refreshes (200 ms: five a second)
 * @param proposeEveryMicros media time between attempts to open markets
 * @param stallAfterMicros wall-clock silence of the analytics after which markets are suspended
 */
public record GeneratorSettings(
    double minProbability,
    double maxProbability,
    int maxOpenMarkets,
    long repriceEveryMicros,
    long proposeEveryMicros,
    long stallAfterMicros) {

  /** 0.15–0.85, six markets, five prices a second, a new market tried every 2 s, 1 s stall. */
  public static final GeneratorSettings DEFAULTS =
      new GeneratorSettings(0.15, 0.85, 6, 200_000, 2_000_000, 1_000_000);

  /** Checks the settings. */
  public GeneratorSettings {
    if (!(minProbability > 0 && minProbability < maxProbability && maxProbability < 1)) {
      throw new IllegalArgumentException(
          "probability bounds must satisfy 0 < min < max < 1 (were "
              + minProbability
              + ", "
              + maxProbability
              + ")");
    }
    if (maxOpenMarkets < 1
        || repriceEveryMicros <= 0
        || proposeEveryMicros <= 0
        || stallAfterMicros <= 0) {
      throw new IllegalArgumentException("market caps and intervals must be positive");
    }
  }
}
