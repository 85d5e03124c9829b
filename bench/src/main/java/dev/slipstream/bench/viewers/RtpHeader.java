package dev.slipstream.bench.viewers;

/** Writes the 12-byte RTP header of one outgoing source, numbering its packets. */
final class RtpHeader {
  /** The size of the fixed header, without CSRCs or extensions. */
  static final int SIZE = 12;

  private final int payloadType;
  private final long ssrc;
  private int sequence;

  RtpHeader(int payloadType, long ssrc, int firstSequence) {
    this.payloadType = payloadType;
    this.ssrc = ssrc;
    this.sequence = firstSequence & 0xFFFF;
  }

  /** Writes the header at the start of {@code packet} with the next sequence number. */
  void write(byte[] packet, boolean marker, long timestamp) {
    packet[0] = (byte) 0x80;
    packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    packet[2] = (byte) (sequence >> 8);
    packet[3] = (byte) sequence;
    packet[4] = (byte) (timestamp >> 24);
    packet[5] = (byte) (timestamp >> 16);
    packet[6] = (byte) (timestamp >> 8);
    packet[7] = (byte) timestamp;
    packet[8] = (byte) (ssrc >> 24);
    packet[9] = (byte) (ssrc >> 16);
    packet[10] = (byte) (ssrc >> 8);
    packet[11] = (byte) ssrc;
    sequence = (sequence + 1) & 0xFFFF;
  }
}
