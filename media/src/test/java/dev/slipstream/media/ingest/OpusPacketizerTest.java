package dev.slipstream.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.RtpPacket;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpusPacketizerTest {
  @Test
  void eachOpusFrameIsOnePacketOnThe48kHzClock() {
    CapturingSink sink = new CapturingSink();
    OpusPacketizer packetizer = new OpusPacketizer(111, new SplittableRandom(5));

    for (int i = 0; i < 3; i++) {
      byte[] frame = H264Samples.nal(0x78, 60 + i, i);
      packetizer.packetize(frame, frame.length, i * 960L, sink);
    }

    assertThat(sink.packets).hasSize(3);
    RtpPacket first = sink.packets.getFirst();
    assertThat(sink.packets)
        .allSatisfy(
            p -> {
              assertThat(p.payloadType()).isEqualTo(111);
              assertThat(p.ssrc()).isEqualTo(packetizer.ssrc());
              assertThat(p.marker()).isFalse();
            });
    assertThat(sink.packets.get(2).timestamp())
        .isEqualTo((first.timestamp() + 1920) & 0xFFFF_FFFFL);
    assertThat(sink.packets.get(1).sequenceNumber())
        .isEqualTo((first.sequenceNumber() + 1) & 0xFFFF);
    assertThat(CapturingSink.payload(sink.packets.get(1))).isEqualTo(H264Samples.nal(0x78, 61, 1));
  }
}
