package dev.slipstream.platform.state;

import dev.slipstream.platform.Health;
import java.util.Optional;

/**
 * Stores hot state shared by every node: opaque byte values under string keys, each with an
 * optional {@link Expiry}, and 64-bit counters. Every method is atomic and safe to call from any
 * thread.
 *
 * <p>Expiry rules, the same in every implementation: a value write ({@link #put}, {@link
 * #putIfAbsent}, {@link #compareAndSet}) sets the entry's expiry from its own argument, so writing
 * with {@link Expiry#never()} removes an earlier expiry. A counter's expiry is set by the first
 * {@link #incrementBy} that names one while the counter has none, normally the one that creates it;
 * later increments do not extend it, which makes a counter with an expiry a fixed-window rate-limit
 * bucket.
 *
 * <p>Counters are stored as the ASCII decimal text of their value, so {@link #get} on a counter
 * returns for example the bytes of {@code "42"}. Byte arrays are copied on the way in and out.
 *
 * <p>Keys are non-empty strings of at most 1024 characters; a bad key, a null value or a null
 * expiry is refused with an {@link IllegalArgumentException} naming the argument. When the backing
 * store cannot be reached a call throws {@link SharedStateUnavailableException}.
 */
public interface StateStore {

  /** Returns the value stored under {@code key}, or empty when there is none or it expired. */
  Optional<byte[]> get(String key);

  /** Stores {@code value} under {@code key} with no expiry, replacing any earlier value. */
  default void put(String key, byte[] value) {
    put(key, value, Expiry.never());
  }

  /** Stores {@code value} under {@code key} with the given expiry, replacing any earlier value. */
  void put(String key, byte[] value, Expiry expiry);

  /**
   * Stores {@code value} under {@code key} with no expiry only when the key holds nothing.
   *
   * @return whether the value was stored
   */
  default boolean putIfAbsent(String key, byte[] value) {
    return putIfAbsent(key, value, Expiry.never());
  }

  /**
   * Stores {@code value} under {@code key} with the given expiry only when the key holds nothing
   * (an expired value counts as nothing).
   *
   * @return whether the value was stored
   */
  boolean putIfAbsent(String key, byte[] value, Expiry expiry);

  /**
   * Replaces the value under {@code key} with {@code replacement} (no expiry) only when it
   * currently equals {@code expected} byte for byte.
   *
   * @return whether the value was replaced; false when it differed or the key held nothing
   */
  default boolean compareAndSet(String key, byte[] expected, byte[] replacement) {
    return compareAndSet(key, expected, replacement, Expiry.never());
  }

  /**
   * Replaces the value under {@code key} with {@code replacement} and the given expiry only when it
   * currently equals {@code expected} byte for byte; use {@link #putIfAbsent} to create a value.
   *
   * @return whether the value was replaced; false when it differed or the key held nothing
   */
  boolean compareAndSet(String key, byte[] expected, byte[] replacement, Expiry expiry);

  /**
   * Removes whatever is stored under {@code key}.
   *
   * @return whether there was a live value to remove
   */
  boolean delete(String key);

  /**
   * Adds {@code delta} (which may be negative) to the counter under {@code key}, creating it at
   * zero when absent, without changing its expiry.
   *
   * @return the counter's new value
   * @throws IllegalStateException when the key holds a value that is not a decimal integer, or the
   *     result would overflow a {@code long}
   */
  default long incrementBy(String key, long delta) {
    return incrementBy(key, delta, Expiry.never());
  }

  /**
   * Adds {@code delta} (which may be negative) to the counter under {@code key}, creating it at
   * zero when absent; when the counter has no expiry yet it gets {@code expiry}.
   *
   * @return the counter's new value
   * @throws IllegalStateException when the key holds a value that is not a decimal integer, or the
   *     result would overflow a {@code long}
   */
  long incrementBy(String key, long delta, Expiry expiry);

  /**
   * Returns the counter under {@code key}, or zero when there is none.
   *
   * @throws IllegalStateException when the key holds a value that is not a decimal integer
   */
  long getCounter(String key);

  /** Checks that the store answers, for {@code /healthz}. */
  Health health();
}
