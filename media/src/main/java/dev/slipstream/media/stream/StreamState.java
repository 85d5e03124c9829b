package dev.slipstream.media.stream;

import java.util.Locale;

/** Where a stream is in its life: created and waiting, on air, or over. */
public enum StreamState {
  /** Created; no broadcaster is publishing yet. */
  IDLE,
  /** A broadcaster is publishing and viewers can watch. */
  LIVE,
  /** The broadcast is over; the stream cannot go live again. */
  ENDED;

  /** Returns the lower-case name used in the database and the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static StreamState fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
