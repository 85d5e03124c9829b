package dev.slipstream.media.ingest;

import java.util.random.RandomGenerator;

/**
 * Packetises Opus for RTP (RFC 7587): one encoded frame per packet, timestamps on the 48 kHz clock
 * whatever the frame's real sampling rate. Not thread-safe.
 */
final class OpusPacketizer {
  /** The RTP clock of Opus. */
  static final int CLOCK_RATE = 48_000;

  private final RtpHeaderWriter header;
  private byte[] packet = new byte[RtpHeaderWriter.HEADER_SIZE + 1500];

  OpusPacketizer(int payloadType, RandomGenerator random) {
    this.header = new RtpHeaderWriter(payloadType, random);
  }

  long ssrc() {
    return header.ssrc();
  }

  /** Sends {@code frame[0, length)}, whose first sample is at {@code mediaTime} (48 kHz units). */
  void packetize(byte[] frame, int length, long mediaTime, RtpSink sink) {
    if (packet.length < RtpHeaderWriter.HEADER_SIZE + length) {
      packet = new byte[RtpHeaderWriter.HEADER_SIZE + length];
    }
    header.write(packet, false, mediaTime);
    System.arraycopy(frame, 0, packet, RtpHeaderWriter.HEADER_SIZE, length);
    sink.send(packet, RtpHeaderWriter.HEADER_SIZE + length);
  }
}
