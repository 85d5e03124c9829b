package dev.slipstream.gateway.auth;

import java.time.Duration;

/**
 * Sign-in for this email is locked for a while after repeated failures (HTTP 429, code {@code
 * too_many_attempts}); even the right password is refused until {@link #retryAfter()} has passed.
 */
public final class TooManyAttemptsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** Creates the exception for a lock that ends in {@code retryAfter}. */
  public TooManyAttemptsException(Duration retryAfter) {
    super("too many failed sign-ins for this email; try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  /** Returns the whole seconds to wait, rounded up (for {@code Retry-After}). */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  private static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  /** Returns how long until sign-in is tried again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
