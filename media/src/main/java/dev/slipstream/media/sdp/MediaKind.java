package dev.slipstream.media.sdp;

import java.util.Locale;

/** The kind of media a negotiated section carries. */
public enum MediaKind {
  /** Sound: Opus here. */
  AUDIO,
  /** Pictures: H.264 or VP8 here. */
  VIDEO;

  /** Returns the name SDP uses on the {@code m=} line: {@code audio} or {@code video}. */
  public String sdpName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
