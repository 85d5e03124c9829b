package dev.slipstream.media.rtp;

/**
 * Finds where H.264 decoding can start (RFC 6184).
 *
 * <p>An IDR picture (NAL type 5) decodes on its own once its SPS (7) and PPS (8) are known;
 * Chromium and x264 send SPS and PPS in-band right before each IDR, usually in one STAP-A, so the
 * packet with the SPS is where a viewer joins. A stream that carries parameter sets only in the SDP
 * starts at the IDR instead, hence both count. Access unit delimiters (9) and SEI (6) may lead an
 * access unit and are reported as {@link PacketKind#PREFIX}.
 */
final class H264KeyframeDetector {
  private static final int SEI = 6;
  private static final int IDR = 5;
  private static final int SPS = 7;
  private static final int AUD = 9;
  private static final int STAP_A = 24;
  private static final int FU_A = 28;

  private H264KeyframeDetector() {}

  static PacketKind classify(RtpPacket packet) {
    byte[] b = packet.buffer();
    int at = packet.payloadOffset();
    int length = packet.payloadLength();
    if (length < 1) {
      return PacketKind.OTHER;
    }
    int type = b[at] & 0x1F;
    return switch (type) {
      case STAP_A -> aggregate(b, at + 1, at + length);
      case FU_A -> {
        boolean start = length >= 2 && (b[at + 1] & 0x80) != 0;
        int fragmentType = length >= 2 ? b[at + 1] & 0x1F : 0;
        yield start && (fragmentType == IDR || fragmentType == SPS)
            ? PacketKind.KEYFRAME_START
            : PacketKind.OTHER;
      }
      default -> single(type);
    };
  }

  private static PacketKind single(int type) {
    if (type == IDR || type == SPS) {
      return PacketKind.KEYFRAME_START;
    }
    return type == AUD || type == SEI ? PacketKind.PREFIX : PacketKind.OTHER;
  }

  /** Reads a STAP-A's units: 16-bit size, then the unit; a size past the end ends the walk. */
  private static PacketKind aggregate(byte[] b, int at, int end) {
    boolean prefixOnly = true;
    while (at + 2 < end) {
      int size = BigEndian.u16(b, at);
      if (size == 0 || at + 2 + size > end) {
        return PacketKind.OTHER;
      }
      PacketKind kind = single(b[at + 2] & 0x1F);
      if (kind == PacketKind.KEYFRAME_START) {
        return kind;
      }
      prefixOnly &= kind == PacketKind.PREFIX;
      at += 2 + size;
    }
    return prefixOnly ? PacketKind.PREFIX : PacketKind.OTHER;
  }
}
