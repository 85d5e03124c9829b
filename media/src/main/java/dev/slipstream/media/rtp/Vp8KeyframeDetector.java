package dev.slipstream.media.rtp;

/**
 * Finds VP8 keyframes (RFC 7741): the first packet of partition 0 (S=1, PID=0) whose VP8 payload
 * header has P=0, the inverse keyframe flag.
 *
 * <p>The payload descriptor's length varies: X adds a byte of I/L/T/K flags, I a 7- or 15-bit
 * picture id (M says which), L a TL0PICIDX byte, T or K one TID/KEYIDX byte. A keyframe's header
 * also carries the start code 9d 01 2a, checked so a garbled packet is not taken for one.
 */
final class Vp8KeyframeDetector {
  private Vp8KeyframeDetector() {}

  static PacketKind classify(RtpPacket packet) {
    byte[] b = packet.buffer();
    int at = packet.payloadOffset();
    int end = at + packet.payloadLength();
    if (at >= end) {
      return PacketKind.OTHER;
    }
    int first = b[at] & 0xFF;
    boolean startOfPartitionZero = (first & 0x10) != 0 && (first & 0x07) == 0;
    int header = at + 1;
    if ((first & 0x80) != 0) {
      if (header >= end) {
        return PacketKind.OTHER;
      }
      int flags = b[header++] & 0xFF;
      if ((flags & 0x80) != 0) {
        header += header < end && (b[header] & 0x80) != 0 ? 2 : 1;
      }
      header += (flags & 0x40) != 0 ? 1 : 0;
      header += (flags & 0x30) != 0 ? 1 : 0;
    }
    boolean keyframe =
        startOfPartitionZero
            && header + 6 <= end
            && (b[header] & 0x01) == 0
            && (b[header + 3] & 0xFF) == 0x9D
            && (b[header + 4] & 0xFF) == 0x01
            && (b[header + 5] & 0xFF) == 0x2A;
    return keyframe ? PacketKind.KEYFRAME_START : PacketKind.OTHER;
  }
}
