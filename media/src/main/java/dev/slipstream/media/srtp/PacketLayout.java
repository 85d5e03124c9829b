package dev.slipstream.media.srtp;

/**
 * Checks an RTP or RTCP header before jitsi-srtp reads it, since jitsi trusts the CSRC count and
 * extension length it finds there.
 */
final class PacketLayout {
  static final int RTP_FIXED_HEADER = 12;
  static final int RTCP_FIXED_HEADER = 8;

  private PacketLayout() {}

  /**
   * Returns the RTP header's length (fixed part, CSRCs, extension), or a negative {@link
   * SrtpFailure} code when the packet cannot hold it.
   */
  static int rtpHeaderLength(byte[] p, int off, int len) {
    if (len < RTP_FIXED_HEADER) {
      return SrtpFailure.TOO_SHORT.code();
    }
    if ((p[off] & 0xC0) != 0x80) {
      return SrtpFailure.MALFORMED.code();
    }
    int header = RTP_FIXED_HEADER + 4 * (p[off] & 0x0F);
    if ((p[off] & 0x10) != 0) {
      if (header + 4 > len) {
        return SrtpFailure.MALFORMED.code();
      }
      int words = ((p[off + header + 2] & 0xFF) << 8) | (p[off + header + 3] & 0xFF);
      header += 4 + 4 * words;
    }
    return header <= len ? header : SrtpFailure.MALFORMED.code();
  }

  /** Returns zero when the RTCP header is sound, else a negative {@link SrtpFailure} code. */
  static int checkRtcp(byte[] p, int off, int len) {
    if (len < RTCP_FIXED_HEADER) {
      return SrtpFailure.TOO_SHORT.code();
    }
    return (p[off] & 0xC0) == 0x80 ? 0 : SrtpFailure.MALFORMED.code();
  }

  /** Reads the RTP SSRC (bytes 8–11). */
  static int rtpSsrc(byte[] p, int off) {
    return readInt(p, off + 8);
  }

  /** Reads the RTCP sender SSRC (bytes 4–7). */
  static int rtcpSsrc(byte[] p, int off) {
    return readInt(p, off + 4);
  }

  private static int readInt(byte[] p, int at) {
    return ((p[at] & 0xFF) << 24)
        | ((p[at + 1] & 0xFF) << 16)
        | ((p[at + 2] & 0xFF) << 8)
        | (p[at + 3] & 0xFF);
  }
}
