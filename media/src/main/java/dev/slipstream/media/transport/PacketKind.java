package dev.slipstream.media.transport;

/** What a packet is, told by its first byte as RFC 7983 §7 assigns the ranges. */
enum PacketKind {
  STUN,
  DTLS,
  RTP,
  UNRECOGNISED;

  /** Returns the kind of a packet that starts with {@code firstByte} (0 to 255). */
  static PacketKind ofFirstByte(int firstByte) {
    if (firstByte <= 3) {
      return STUN;
    }
    if (firstByte >= 20 && firstByte <= 63) {
      return DTLS;
    }
    if (firstByte >= 128 && firstByte <= 191) {
      return RTP;
    }
    return UNRECOGNISED;
  }

  /** Returns the kind of {@code packet[0, length)}; an empty packet is unrecognised. */
  static PacketKind of(byte[] packet, int length) {
    return length == 0 ? UNRECOGNISED : ofFirstByte(packet[0] & 0xFF);
  }
}
