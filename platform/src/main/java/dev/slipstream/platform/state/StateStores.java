package dev.slipstream.platform.state;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.InstantSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds {@link StateStore} implementations. Composition roots normally use {@code
 * dev.slipstream.platform.bus.SharedState}, which builds a store and an event bus together and owns
 * their connections.
 */
public final class StateStores {
  private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private StateStores() {}

  /**
   * Returns a store that lives in this JVM, with expiry measured on {@code clock}.
   *
   * @param clock the source of the current time, e.g. {@link InstantSource#system()}
   */
  public static StateStore inProcess(InstantSource clock) {
    return new InProcessStateStore(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Returns a store on Redis that keeps its keys under {@code keyPrefix}. The caller keeps owning
   * {@code connection} and closes it after it stops using the store.
   *
   * @param connection an open connection with string keys and byte-array values
   * @param keyPrefix 1 to 64 letters, digits or {@code . _ : -} put in front of every Redis key
   */
  public static StateStore redis(
      StatefulRedisConnection<String, byte[]> connection, String keyPrefix) {
    Objects.requireNonNull(connection, "connection");
    if (keyPrefix == null || !KEY_PREFIX.matcher(keyPrefix).matches()) {
      throw new IllegalArgumentException(
          "keyPrefix must be 1 to 64 letters, digits or . _ : - (was " + keyPrefix + ")");
    }
    return new RedisStateStore(connection, keyPrefix);
  }
}
