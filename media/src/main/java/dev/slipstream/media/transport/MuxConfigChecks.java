package dev.slipstream.media.transport;

import java.net.InetSocketAddress;
import java.time.Duration;

/** The checks the mux configurations share, with messages that name the setting. */
final class MuxConfigChecks {
  private MuxConfigChecks() {}

  static void requireBindable(String name, InetSocketAddress address) {
    if (address == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (address.isUnresolved()) {
      throw new IllegalArgumentException(
          name + " must be a resolved address (was " + address + ")");
    }
  }

  static void requireBetween(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + " (was " + value + ")");
    }
  }
}
