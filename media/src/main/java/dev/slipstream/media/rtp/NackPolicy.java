package dev.slipstream.media.rtp;

import java.time.Duration;

/**
 * How persistently a receiver asks for a missing packet again.
 *
 * @param maxRetries how many NACKs one missing packet gets at most, 1 to 100
 * @param retryInterval how long to wait before asking again, about one round trip
 * @param maxAge how long after the loss to give up, beyond which the packet is useless
 * @param maxMissing how many missing packets are tracked at once, 1 to 10,000; the oldest go first
 */
public record NackPolicy(int maxRetries, Duration retryInterval, Duration maxAge, int maxMissing) {
  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public NackPolicy {
    if (maxRetries < 1 || maxRetries > 100) {
      throw new IllegalArgumentException("maxRetries must be 1 to 100, got " + maxRetries);
    }
    if (retryInterval.isNegative() || retryInterval.isZero()) {
      throw new IllegalArgumentException("retryInterval must be positive, got " + retryInterval);
    }
    if (maxAge.compareTo(retryInterval) < 0) {
      throw new IllegalArgumentException(
          "maxAge must be at least retryInterval (" + retryInterval + "), got " + maxAge);
    }
    if (maxMissing < 1 || maxMissing > 10_000) {
      throw new IllegalArgumentException("maxMissing must be 1 to 10000, got " + maxMissing);
    }
  }

  /** Returns ten tries 100 ms apart for at most one second, tracking up to 1,000 packets. */
  public static NackPolicy defaults() {
    return new NackPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), 1_000);
  }
}
