package dev.slipstream.platform.state;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Checks the arguments of {@link StateStore} calls and encodes counters, for every implementation.
 */
final class StateKeys {
  static final int MAX_KEY_LENGTH = 1024;

  private StateKeys() {}

  static String requireKey(@Nullable String key) {
    if (key == null) {
      throw new IllegalArgumentException("key must not be null");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "key must be at most " + MAX_KEY_LENGTH + " characters (was " + key.length() + ")");
    }
    return key;
  }

  static byte[] requireValue(String name, byte @Nullable [] value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  static Expiry requireExpiry(@Nullable Expiry expiry) {
    if (expiry == null) {
      throw new IllegalArgumentException("expiry must not be null; use Expiry.never()");
    }
    return expiry;
  }

  static byte[] encodeCounter(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  static long decodeCounter(String key, byte[] value) {
    String text = new String(value, StandardCharsets.US_ASCII);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "key " + key + " holds a value that is not a decimal integer, so it is not a counter", e);
    }
  }
}
