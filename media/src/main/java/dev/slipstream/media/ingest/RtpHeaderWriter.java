package dev.slipstream.media.ingest;

import java.util.random.RandomGenerator;

/**
 * Writes the fixed RTP header (RFC 3550) for one outgoing source: a random SSRC, sequence numbers
 * counting up from a random start, and media time shifted by a random offset, as section 5.1 asks
 * so that a known plaintext does not begin every stream.
 */
final class RtpHeaderWriter {
  static final int HEADER_SIZE = 12;

  private final int payloadType;
  private final long ssrc;
  private final long timestampOffset;
  private int sequence;

  RtpHeaderWriter(int payloadType, RandomGenerator random) {
    if ((payloadType & ~0x7F) != 0) {
      throw new IllegalArgumentException("payload type must be 0 to 127, got " + payloadType);
    }
    this.payloadType = payloadType;
    this.ssrc = random.nextInt() & 0xFFFF_FFFFL;
    this.sequence = random.nextInt(1 << 16);
    this.timestampOffset = random.nextInt() & 0xFFFF_FFFFL;
  }

  long ssrc() {
    return ssrc;
  }

  /** Writes a header for media time {@code mediaTime} (in clock units) and takes a sequence. */
  void write(byte[] packet, boolean marker, long mediaTime) {
    long timestamp = (mediaTime + timestampOffset) & 0xFFFF_FFFFL;
    packet[0] = (byte) 0x80;
    packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    packet[2] = (byte) (sequence >>> 8);
    packet[3] = (byte) sequence;
    packet[4] = (byte) (timestamp >>> 24);
    packet[5] = (byte) (timestamp >>> 16);
    packet[6] = (byte) (timestamp >>> 8);
    packet[7] = (byte) timestamp;
    packet[8] = (byte) (ssrc >>> 24);
    packet[9] = (byte) (ssrc >>> 16);
    packet[10] = (byte) (ssrc >>> 8);
    packet[11] = (byte) ssrc;
    sequence = (sequence + 1) & 0xFFFF;
  }
}
