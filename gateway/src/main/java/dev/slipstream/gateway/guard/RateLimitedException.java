package dev.slipstream.gateway.guard;

/** Thrown by a rate-limit check that found the bucket empty; answered 429 {@code rate_limited}. */
final class RateLimitedException extends RuntimeException {
  private final long retryAfterSeconds;

  RateLimitedException(String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
