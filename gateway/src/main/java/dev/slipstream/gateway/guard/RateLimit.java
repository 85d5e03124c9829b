package dev.slipstream.gateway.guard;

/**
 * A token bucket's shape: {@code burst} requests may arrive at once, after which {@code perSecond}
 * are let through each second.
 *
 * @param perSecond tokens added each second, 1 to 1,000,000
 * @param burst the bucket's size, 1 to 1,000,000
 */
public record RateLimit(int perSecond, int burst) {
  /** Validates the values, naming the one that is out of range. */
  public RateLimit {
    if (perSecond < 1 || perSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "rate limit per second must be 1–1000000 (was " + perSecond + ")");
    }
    if (burst < 1 || burst > 1_000_000) {
      throw new IllegalArgumentException("rate limit burst must be 1–1000000 (was " + burst + ")");
    }
  }

  /** Returns how long a drained bucket takes to fill up again, in milliseconds. */
  long refillMillis() {
    return (burst * 1_000L + perSecond - 1) / perSecond;
  }
}
