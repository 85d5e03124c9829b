package dev.slipstream.platform.state;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** When a value written to a {@link StateStore} goes away: never, or a time after the write. */
public sealed interface Expiry {

  /** Returns the expiry of a value that stays until it is deleted or replaced. */
  static Expiry never() {
    return Never.INSTANCE;
  }

  /**
   * Returns the expiry of a value that goes away {@code ttl} after it was written.
   *
   * @param ttl the time to live, from one millisecond (the stores keep millisecond precision) to
   *     {@value After#MAX_DAYS} days
   * @throws IllegalArgumentException when {@code ttl} is null or outside that range
   */
  static Expiry after(@Nullable Duration ttl) {
    return new After(ttl);
  }

  /** The value stays until it is deleted or replaced. */
  enum Never implements Expiry {
    /** The only instance. */
    INSTANCE
  }

  /**
   * The value goes away {@code ttl} after it was written.
   *
   * @param ttl the time to live, from one millisecond to {@link #MAX_DAYS} days
   */
  record After(Duration ttl) implements Expiry {
    /** The longest time to live in days; longer-lived state belongs in PostgreSQL. */
    public static final int MAX_DAYS = 3650;

    /** Validates that the time to live is between one millisecond and {@link #MAX_DAYS} days. */
    public After {
      if (ttl == null) {
        throw new IllegalArgumentException(
            "ttl must not be null; use Expiry.never() for no expiry");
      }
      if (ttl.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
        throw new IllegalArgumentException(
            "ttl must be at most " + MAX_DAYS + " days (was " + ttl + ")");
      }
      if (ttl.toMillis() < 1) {
        throw new IllegalArgumentException("ttl must be at least 1 ms (was " + ttl + ")");
      }
    }

    /** Returns the time to live in whole milliseconds. */
    public long millis() {
      return ttl.toMillis();
    }
  }
}
