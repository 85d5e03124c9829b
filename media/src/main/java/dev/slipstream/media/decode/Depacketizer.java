package dev.slipstream.media.decode;

import dev.slipstream.media.rtp.RtpPacket;
import java.util.Locale;
import java.util.Optional;

/**
 * Rebuilds compressed frames from a video source's RTP packets, fed in sequence order. A frame that
 * lost a packet is thrown away together with every later one up to the next keyframe, because a
 * decoder fed a broken reference only makes garbage; the count is kept.
 *
 * <p>Single-threaded: one instance per video source.
 */
public interface Depacketizer {

  /** Adds one packet; returns the frame it completes, if any. */
  Optional<EncodedFrame> push(RtpPacket packet);

  /** Returns how many frames were thrown away because packets were missing. */
  long discarded();

  /**
   * Returns a depacketizer for an RTP encoding name ({@code H264} or {@code VP8}, any case); empty
   * for encodings the decode tap does not read.
   */
  static Optional<Depacketizer> forEncoding(String encodingName) {
    return switch (encodingName.toUpperCase(Locale.ROOT)) {
      case "H264" -> Optional.of(new H264Depacketizer());
      case "VP8" -> Optional.of(new Vp8Depacketizer());
      default -> Optional.empty();
    };
  }
}
