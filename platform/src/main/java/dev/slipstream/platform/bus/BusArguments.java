package dev.slipstream.platform.bus;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks the arguments of {@link EventBus} calls the same way for every implementation. */
final class BusArguments {
  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_READ_COUNT = 10_000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]+");

  private BusArguments() {}

  /** Checks a topic or channel name; {@code kind} is "topic" or "channel". */
  static String requireName(String kind, @Nullable String name) {
    if (name == null) {
      throw new IllegalArgumentException(kind + " must not be null");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException(kind + " must not be empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          kind + " must be at most " + MAX_NAME_LENGTH + " characters (was " + name.length() + ")");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          kind + " may contain only letters, digits and . _ : - (was \"" + name + "\")");
    }
    return name;
  }

  static long requireOffset(long fromOffset) {
    if (fromOffset < 1) {
      throw new IllegalArgumentException(
          "fromOffset must be at least 1, offsets start at 1 (was " + fromOffset + ")");
    }
    return fromOffset;
  }

  static int requireMaxCount(int maxCount) {
    if (maxCount < 1 || maxCount > MAX_READ_COUNT) {
      throw new IllegalArgumentException(
          "maxCount must be between 1 and " + MAX_READ_COUNT + " (was " + maxCount + ")");
    }
    return maxCount;
  }

  static byte[] requirePayload(byte @Nullable [] payload) {
    if (payload == null) {
      throw new IllegalArgumentException("payload must not be null");
    }
    return payload;
  }

  static <T> T requireListener(@Nullable T listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener must not be null");
    }
    return listener;
  }
}
