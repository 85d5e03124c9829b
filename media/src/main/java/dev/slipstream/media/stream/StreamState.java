package dev.slipstream.media.stream;

import java.util.Locale;

/** Where a stream is in its life: waiting for a broadcaster, on air, or over for good. */
public enum StreamState {
  /** No broadcaster is publishing (yet, or again after one left). */
  IDLE,
  /** A broadcaster is publishing and viewers can watch. */
  LIVE,
  /** The broadcast is over; the stream cannot go live again. */
  ENDED;

  /** Returns the lower-case name used in the database and the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Says whether a stream in this state may move to {@code next}. */
  public boolean canMoveTo(StreamState next) {
    return switch (this) {
      case IDLE -> next == LIVE || next == ENDED;
      case LIVE -> next == IDLE || next == ENDED;
      case ENDED -> false;
    };
  }

  static StreamState fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
