package dev.slipstream.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.KeyframeDetector;
import dev.slipstream.media.rtp.KeyframeStartTracker;
import dev.slipstream.media.rtp.PacketKind;
import dev.slipstream.media.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class H264PacketizerTest {
  private final H264Packetizer packetizer = new H264Packetizer(102, 0xCAFE, 65_534);
  private final List<RtpPacket> sent = new ArrayList<>();

  private void frame(boolean idr, int bytes, long timestamp) {
    packetizer.frame(
        idr,
        bytes,
        timestamp,
        (packet, length) ->
            sent.add(
                RtpPacket.parse(Arrays.copyOf(packet, length), 0, length, new DropCounts())
                    .orElseThrow()));
  }

  @Test
  void anIdrFrameStartsWhereTheSfuLetsAViewerJoin() {
    frame(true, 40_000, 3_000);

    KeyframeStartTracker tracker = new KeyframeStartTracker(KeyframeDetector.h264());
    assertThat(tracker.isKeyframeStart(sent.getFirst())).isTrue();
    assertThat(KeyframeDetector.h264().classify(sent.get(1))).isEqualTo(PacketKind.KEYFRAME_START);
  }

  @Test
  void aPFrameIsNoPlaceToJoin() {
    frame(false, 5_000, 3_000);

    assertThat(sent).allMatch(p -> KeyframeDetector.h264().classify(p) == PacketKind.OTHER);
  }

  @Test
  void aFrameIsFragmentedUnderTheMtuWithTheMarkerOnItsLastPacketOnly() {
    frame(false, 5_000, 3_000);

    assertThat(sent).hasSize(5);
    assertThat(sent).allMatch(p -> p.length() <= 1_200 && p.timestamp() == 3_000);
    assertThat(sent.stream().filter(RtpPacket::marker)).containsExactly(sent.getLast());
    int coded = sent.stream().mapToInt(p -> p.payloadLength() - 2).sum();
    assertThat(coded).isEqualTo(5_000);
  }

  @Test
  void sequenceNumbersRunOnAcrossFramesAndWrap() {
    frame(false, 100, 0);
    frame(false, 100, 3_000);
    frame(false, 100, 6_000);

    assertThat(sent).extracting(RtpPacket::sequenceNumber).containsExactly(65_534, 65_535, 0);
    assertThat(sent).allMatch(p -> p.ssrc() == 0xCAFE && p.payloadType() == 102);
  }
}
