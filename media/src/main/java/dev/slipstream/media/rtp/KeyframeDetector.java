package dev.slipstream.media.rtp;

import java.util.Locale;
import java.util.Optional;

/**
 * Tells, from one packet's payload, whether a decoder could start there; stateless and thread-safe.
 * Whether the packet is also the first of its frame takes the packets before it: {@link
 * KeyframeStartTracker} combines both.
 */
@FunctionalInterface
public interface KeyframeDetector {
  /** Returns what {@code packet} means to a decoder starting from nothing. */
  PacketKind classify(RtpPacket packet);

  /** Returns the detector for H.264 (RFC 6184: single NAL unit, STAP-A and FU-A packets). */
  static KeyframeDetector h264() {
    return H264KeyframeDetector::classify;
  }

  /** Returns the detector for VP8 (RFC 7741). */
  static KeyframeDetector vp8() {
    return Vp8KeyframeDetector::classify;
  }

  /** Returns the detector for audio such as Opus, where every packet decodes on its own. */
  static KeyframeDetector audio() {
    return packet -> PacketKind.KEYFRAME_START;
  }

  /**
   * Returns the detector for an SDP {@code a=rtpmap} encoding name (H264, VP8, opus, ...), or empty
   * for a video codec this package cannot read.
   */
  static Optional<KeyframeDetector> forEncoding(String encodingName) {
    return switch (encodingName.toUpperCase(Locale.ROOT)) {
      case "H264" -> Optional.of(h264());
      case "VP8" -> Optional.of(vp8());
      case "OPUS", "PCMU", "PCMA", "G722" -> Optional.of(audio());
      default -> Optional.empty();
    };
  }
}
