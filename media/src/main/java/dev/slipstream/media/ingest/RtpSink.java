package dev.slipstream.media.ingest;

/** Where a packetiser's RTP packets go; {@code LocalPublisher::send} is one. */
@FunctionalInterface
interface RtpSink {
  /**
   * Takes one RTP packet in {@code packet[0, length)}; the array may be reused after it returns.
   */
  void send(byte[] packet, int length);
}
