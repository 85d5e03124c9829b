package dev.slipstream.media.rtp;

import java.util.random.RandomGenerator;

/** Randomness that always draws the same numbers, so a test can pin a rewriter's start. */
final class FixedRandom implements RandomGenerator {
  private final int intValue;
  private final long longValue;

  FixedRandom(int intValue, long longValue) {
    this.intValue = intValue;
    this.longValue = longValue;
  }

  @Override
  public long nextLong() {
    return longValue;
  }

  @Override
  public int nextInt(int bound) {
    return intValue;
  }

  @Override
  public long nextLong(long bound) {
    return longValue;
  }
}
