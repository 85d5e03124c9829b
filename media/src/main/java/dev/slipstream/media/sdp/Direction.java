package dev.slipstream.media.sdp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Which way media flows in a media section, as its offerer sees it. */
enum Direction {
  SENDRECV,
  SENDONLY,
  RECVONLY,
  INACTIVE;

  /** Returns the direction an attribute name stands for, or null if it names none. */
  static @Nullable Direction fromAttribute(String name) {
    return switch (name) {
      case "sendrecv" -> SENDRECV;
      case "sendonly" -> SENDONLY;
      case "recvonly" -> RECVONLY;
      case "inactive" -> INACTIVE;
      default -> null;
    };
  }

  boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  String attribute() {
    return name().toLowerCase(Locale.ROOT);
  }
}
