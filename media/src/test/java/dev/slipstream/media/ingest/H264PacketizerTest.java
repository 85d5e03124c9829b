package dev.slipstream.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.KeyframeDetector;
import dev.slipstream.media.rtp.PacketKind;
import dev.slipstream.media.rtp.RtpPacket;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class H264PacketizerTest {
  private final CapturingSink sink = new CapturingSink();
  private final H264Packetizer packetizer = new H264Packetizer(96, new SplittableRandom(3));
  private final KeyframeDetector detector = KeyframeDetector.h264();

  @Test
  void anIdrStartsWithItsParameterSetsInOneStapAThatViewersCanJoinAt() {
    byte[] idr = H264Samples.idr(3000);
    byte[] au = H264Samples.annexB(H264Samples.AUD, H264Samples.SPS, H264Samples.PPS, idr);

    packetizer.packetize(au, au.length, 9000, sink);

    RtpPacket first = sink.packets.getFirst();
    assertThat(first.payloadType()).isEqualTo(96);
    assertThat(first.buffer()[first.payloadOffset()] & 0x1F).isEqualTo(24);
    assertThat(detector.classify(first)).isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(stapUnits(first)).containsExactly(H264Samples.SPS, H264Samples.PPS);
    assertThat(reassemble(sink.packets.subList(1, sink.packets.size()))).containsExactly(idr);
  }

  @Test
  void nalUnitsLargerThanTheBudgetAreSplitIntoFuAFragmentsThatReassembleExactly() {
    byte[] idr = H264Samples.idr(5000);
    byte[] au = H264Samples.annexB(H264Samples.SPS, H264Samples.PPS, idr);

    packetizer.packetize(au, au.length, 0, sink);

    List<RtpPacket> fragments = sink.packets.subList(1, sink.packets.size());
    assertThat(fragments).hasSize(5);
    assertThat(fragments).allSatisfy(p -> assertThat(p.payloadLength()).isLessThanOrEqualTo(1200));
    assertThat(detector.classify(fragments.getFirst())).isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(fragments.subList(1, 5))
        .allSatisfy(p -> assertThat(detector.classify(p)).isEqualTo(PacketKind.OTHER));
    assertThat(reassemble(fragments)).containsExactly(idr);
  }

  @Test
  void onlyTheLastPacketOfAnAccessUnitCarriesTheMarkerAndAllShareItsTimestamp() {
    byte[] first = H264Samples.annexB(H264Samples.SPS, H264Samples.PPS, H264Samples.idr(2500));
    byte[] second = H264Samples.annexB(H264Samples.slice(700), H264Samples.slice(1900));
    packetizer.packetize(first, first.length, 0, sink);
    int firstCount = sink.packets.size();
    packetizer.packetize(second, second.length, 3000, sink);

    List<Boolean> markers = sink.packets.stream().map(RtpPacket::marker).toList();
    assertThat(markers.subList(0, firstCount - 1)).containsOnly(false);
    assertThat(markers.get(firstCount - 1)).isTrue();
    assertThat(markers.subList(firstCount, markers.size() - 1)).containsOnly(false);
    assertThat(markers.getLast()).isTrue();
    long start = sink.packets.getFirst().timestamp();
    assertThat(sink.packets.subList(0, firstCount))
        .allSatisfy(p -> assertThat(p.timestamp()).isEqualTo(start));
    assertThat(sink.packets.getLast().timestamp()).isEqualTo((start + 3000) & 0xFFFF_FFFFL);
  }

  @Test
  void sequenceNumbersCountUpWithoutGapsAndTheSourceKeepsOneSsrc() {
    for (int frame = 0; frame < 40; frame++) {
      byte[] au = H264Samples.annexB(H264Samples.slice(1500 + frame));
      packetizer.packetize(au, au.length, frame * 3000L, sink);
    }

    for (int i = 1; i < sink.packets.size(); i++) {
      assertThat(sink.packets.get(i).sequenceNumber())
          .isEqualTo((sink.packets.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
    }
    assertThat(sink.packets).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(packetizer.ssrc()));
  }

  @Test
  void anIdrWithoutParameterSetsGetsTheOnesReceivedOutOfBand() {
    byte[] sets = H264Samples.annexB(H264Samples.SPS, H264Samples.PPS);
    packetizer.setParameterSets(AnnexB.split(sets, sets.length));
    byte[] au = H264Samples.annexB(H264Samples.idr(900));

    packetizer.packetize(au, au.length, 0, sink);

    assertThat(sink.packets).hasSize(2);
    assertThat(stapUnits(sink.packets.getFirst()))
        .containsExactly(H264Samples.SPS, H264Samples.PPS);
    assertThat(detector.classify(sink.packets.getFirst())).isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(sink.packets.getLast().marker()).isTrue();
  }

  @Test
  void aSmallPredictedFrameIsOneSingleNalUnitPacketThatIsNoKeyframe() {
    byte[] slice = H264Samples.slice(400);
    byte[] au = H264Samples.annexB(H264Samples.AUD, slice);

    packetizer.packetize(au, au.length, 0, sink);

    assertThat(sink.packets).hasSize(1);
    assertThat(CapturingSink.payload(sink.packets.getFirst())).isEqualTo(slice);
    assertThat(detector.classify(sink.packets.getFirst())).isEqualTo(PacketKind.OTHER);
    assertThat(sink.packets.getFirst().marker()).isTrue();
  }

  private static List<byte[]> stapUnits(RtpPacket packet) {
    byte[] p = CapturingSink.payload(packet);
    List<byte[]> units = new ArrayList<>();
    int at = 1;
    while (at + 2 <= p.length) {
      int size = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
      units.add(java.util.Arrays.copyOfRange(p, at + 2, at + 2 + size));
      at += 2 + size;
    }
    return units;
  }

  /** Rebuilds NAL units from single-unit and FU-A packets, checking start and end bits. */
  private static List<byte[]> reassemble(List<RtpPacket> packets) {
    List<byte[]> units = new ArrayList<>();
    ByteArrayOutputStream current = null;
    for (RtpPacket packet : packets) {
      byte[] p = CapturingSink.payload(packet);
      if ((p[0] & 0x1F) != 28) {
        assertThat(current).isNull();
        units.add(p);
        continue;
      }
      boolean start = (p[1] & 0x80) != 0;
      boolean end = (p[1] & 0x40) != 0;
      if (start) {
        assertThat(current).isNull();
        current = new ByteArrayOutputStream();
        current.write((p[0] & 0xE0) | (p[1] & 0x1F));
      }
      assertThat(current).isNotNull();
      current.write(p, 2, p.length - 2);
      if (end) {
        units.add(current.toByteArray());
        current = null;
      }
    }
    assertThat(current).as("an unfinished FU-A").isNull();
    return units;
  }
}
