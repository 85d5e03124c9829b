package dev.slipstream.media.ingest;

import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A sink that keeps a parsed copy of every packet it is given. */
final class CapturingSink implements RtpSink {
  final List<RtpPacket> packets = new ArrayList<>();

  @Override
  public void send(byte[] packet, int length) {
    packets.add(
        RtpPacket.parse(Arrays.copyOf(packet, length), 0, length, new DropCounts())
            .orElseThrow(() -> new AssertionError("the packetiser wrote an invalid RTP packet")));
  }

  static byte[] payload(RtpPacket packet) {
    return Arrays.copyOfRange(
        packet.buffer(), packet.payloadOffset(), packet.payloadOffset() + packet.payloadLength());
  }
}
