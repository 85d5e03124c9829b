package dev.slipstream.gateway.live;

import java.time.InstantSource;

/**
 * A token bucket: {@code burst} tokens, refilled at {@code perSecond}; each request takes one.
 * Thread-safe (one account's sockets share a bucket).
 */
final class TokenBucket {
  private final double perNano;
  private final double burst;
  private final InstantSource clock;
  private double tokens;
  private long lastNanos;

  TokenBucket(int perSecond, int burst, InstantSource clock) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.lastNanos = nanos();
  }

  /** Takes a token if one is left. */
  synchronized boolean tryTake() {
    long now = nanos();
    tokens = Math.min(burst, tokens + Math.max(0, now - lastNanos) * perNano);
    lastNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  private long nanos() {
    var instant = clock.instant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
