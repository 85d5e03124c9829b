package dev.slipstream.gateway.guard;

/**
 * What a {@link RateLimiter} answered for one request.
 *
 * @param allowed whether the request took a token and may go on
 * @param retryAfterMillis when refused, how long until a token is back; 0 when allowed
 */
public record RateDecision(boolean allowed, long retryAfterMillis) {
  /** The answer for a request that took a token. */
  public static final RateDecision ALLOWED = new RateDecision(true, 0);

  /** Returns the refusal's wait in whole seconds, at least one, for {@code Retry-After}. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfterMillis + 999) / 1_000);
  }
}
