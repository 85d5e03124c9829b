package dev.slipstream.gateway.guard;

/**
 * Token buckets by key (a client address, an account): the port the gateway's rate limits go
 * through. {@link RateLimiters#inProcess} keeps the buckets in this process (one node); {@link
 * RateLimiters#redis} keeps them in Redis, so every gateway node drains the same bucket.
 */
public interface RateLimiter extends AutoCloseable {
  /**
   * Takes one token from the bucket under {@code key}, shaped by {@code limit}; a bucket not seen
   * before starts full.
   */
  RateDecision tryTake(String key, RateLimit limit);

  /** Says where the buckets live, for the start-up log. */
  String description();

  /** Releases connections; the default holds none. */
  @Override
  default void close() {}
}
