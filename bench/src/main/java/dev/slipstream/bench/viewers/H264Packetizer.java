package dev.slipstream.bench.viewers;

/**
 * Writes H.264-shaped RTP (RFC 6184, packetization mode 1) for a forwarding load test: an IDR frame
 * is a STAP-A with SPS and PPS followed by FU-A fragments of a type-5 NAL unit, any other frame is
 * FU-A fragments of a type-1 NAL unit (or one single NAL packet when it fits). The payload bytes
 * are filler, not decodable video, but every header a keyframe detector or rewriter reads is real.
 *
 * <p>One array is reused for every packet; the sink must copy what it keeps. Not thread-safe.
 */
final class H264Packetizer {
  /** The most payload bytes per packet, as Chromium sends. */
  static final int MAX_PAYLOAD = 1_188;

  private static final byte[] SPS = {
    0x67,
    0x42,
    (byte) 0xe0,
    0x1f,
    (byte) 0x8d,
    0x68,
    0x05,
    0x00,
    0x5b,
    (byte) 0xa1,
    0x00,
    0x00,
    0x03,
    0x00,
    0x01,
    0x00,
    0x00,
    0x03,
    0x00,
    0x3c,
    (byte) 0x8f,
    0x14,
    0x2a,
    0x38
  };
  private static final byte[] PPS = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
  private static final int NAL_IDR = 5;
  private static final int NAL_SLICE = 1;
  private static final int STAP_A = 24;
  private static final int FU_A = 28;

  /** Receives each packet written; {@code packet} is overwritten by the next one. */
  @FunctionalInterface
  interface Sink {
    void accept(byte[] packet, int length);
  }

  private final byte[] packet = new byte[RtpHeader.SIZE + MAX_PAYLOAD];
  private final RtpHeader header;

  H264Packetizer(int payloadType, long ssrc, int firstSequence) {
    this.header = new RtpHeader(payloadType, ssrc, firstSequence);
  }

  /**
   * Writes one frame of {@code frameBytes} bytes of coded picture at RTP time {@code timestamp};
   * the last packet carries the marker bit. Returns how many packets were written.
   */
  int frame(boolean idr, int frameBytes, long timestamp, Sink sink) {
    int packets = 0;
    if (idr) {
      int at = RtpHeader.SIZE;
      packet[at++] = (byte) (0x60 | STAP_A);
      at = unit(SPS, at);
      at = unit(PPS, at);
      header.write(packet, false, timestamp);
      sink.accept(packet, at);
      packets++;
    }
    int nalType = idr ? NAL_IDR : NAL_SLICE;
    int nri = idr ? 0x60 : 0x40;
    int remaining = Math.max(1, frameBytes);
    if (remaining + 1 <= MAX_PAYLOAD) {
      packet[RtpHeader.SIZE] = (byte) (nri | nalType);
      fill(RtpHeader.SIZE + 1, remaining);
      header.write(packet, true, timestamp);
      sink.accept(packet, RtpHeader.SIZE + 1 + remaining);
      return packets + 1;
    }
    boolean first = true;
    while (remaining > 0) {
      int chunk = Math.min(remaining, MAX_PAYLOAD - 2);
      remaining -= chunk;
      boolean last = remaining == 0;
      packet[RtpHeader.SIZE] = (byte) (nri | FU_A);
      packet[RtpHeader.SIZE + 1] = (byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | nalType);
      fill(RtpHeader.SIZE + 2, chunk);
      header.write(packet, last, timestamp);
      sink.accept(packet, RtpHeader.SIZE + 2 + chunk);
      packets++;
      first = false;
    }
    return packets;
  }

  private int unit(byte[] nal, int at) {
    packet[at++] = (byte) (nal.length >> 8);
    packet[at++] = (byte) nal.length;
    System.arraycopy(nal, 0, packet, at, nal.length);
    return at + nal.length;
  }

  private void fill(int from, int count) {
    // Emulation-prevention-free filler: never 0x000000..03, like real slice data.
    for (int i = from; i < from + count; i++) {
      packet[i] = (byte) (0x55 + (i & 0x1F));
    }
  }
}
