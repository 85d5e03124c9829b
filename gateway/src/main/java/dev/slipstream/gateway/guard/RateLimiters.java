package dev.slipstream.gateway.guard;

import dev.slipstream.platform.bus.RedisSettings;
import java.time.InstantSource;

/** Creates the {@link RateLimiter} implementations. */
public final class RateLimiters {
  private RateLimiters() {}

  /** Returns buckets kept in this process, timed by {@code clock}: right for one node. */
  public static RateLimiter inProcess(InstantSource clock) {
    return new InProcessRateLimiter(clock);
  }

  /**
   * Connects to the Redis of {@code settings} and returns buckets kept there (keys under its prefix
   * and {@code rate:}), shared by every node that uses the same Redis and prefix.
   *
   * @throws IllegalStateException naming the Redis when it cannot be reached
   */
  public static RateLimiter redis(RedisSettings settings) {
    return RedisRateLimiter.connect(settings);
  }
}
