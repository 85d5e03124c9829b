package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
  private final List<RtpPacket> h264 = CapturedPackets.rtp("h264.rtp.hex");

  @Test
  void everyCapturedPacketParsesWithTheFieldsFfmpegWasToldToUse() {
    assertThat(h264).hasSize(120);
    assertThat(h264).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(287_454_020L));
    assertThat(h264).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(96));
    assertThat(h264.getFirst().sequenceNumber()).isEqualTo(65_500);
    assertThat(h264.getLast().sequenceNumber()).isEqualTo(83);
    assertThat(CapturedPackets.rtp("vp8.rtp.hex")).hasSize(90);
    assertThat(CapturedPackets.rtp("opus.rtp.hex"))
        .allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(111));
  }

  @Test
  void noCapturedStreamLostAPacketOnTheWayIn() {
    for (String name : List.of("h264.rtp.hex", "vp8.rtp.hex", "opus.rtp.hex")) {
      List<RtpPacket> packets = CapturedPackets.rtp(name);
      for (int i = 1; i < packets.size(); i++) {
        assertThat(packets.get(i).sequenceNumber())
            .as("%s packet %d", name, i)
            .isEqualTo(SequenceNumbers.add(packets.get(i - 1).sequenceNumber(), 1));
      }
    }
  }

  @Test
  void thePayloadIsEverythingAfterTheTwelveByteHeaderOfAnFfmpegPacket() {
    RtpPacket first = h264.getFirst();
    assertThat(first.payloadOffset()).isEqualTo(12);
    assertThat(first.payloadLength()).isEqualTo(first.length() - 12);
    assertThat(first.paddingLength()).isZero();
    assertThat(first.csrcCount()).isZero();
  }

  @Test
  void theMarkerBitIsSetOnTheLastPacketOfEachFrameOnly() {
    for (int i = 0; i + 1 < h264.size(); i++) {
      boolean frameEnds = h264.get(i).timestamp() != h264.get(i + 1).timestamp();
      assertThat(h264.get(i).marker()).as("packet %d", i).isEqualTo(frameEnds);
    }
    assertThat(h264.getLast().marker()).isTrue();
  }

  @Test
  void settersRewriteTheHeaderInPlaceAndLeaveThePayloadAlone() {
    RtpPacket packet = h264.get(7).copy();
    byte[] payloadBefore = payload(packet);
    boolean marker = packet.marker();

    packet.setPayloadType(102);
    packet.setSequenceNumber(70_000);
    packet.setTimestamp(0x1_2345_6789L);
    packet.setSsrc(0xFEDC_BA98L);

    assertThat(packet.payloadType()).isEqualTo(102);
    assertThat(packet.marker()).isEqualTo(marker);
    assertThat(packet.sequenceNumber()).isEqualTo(70_000 & 0xFFFF);
    assertThat(packet.timestamp()).isEqualTo(0x2345_6789L);
    assertThat(packet.ssrc()).isEqualTo(0xFEDC_BA98L);
    assertThat(payload(packet)).isEqualTo(payloadBefore);
    packet.setMarker(!marker);
    assertThat(packet.marker()).isEqualTo(!marker);
    assertThat(packet.payloadType()).isEqualTo(102);
  }

  @Test
  void aCopyIsIndependentOfTheOriginal() {
    RtpPacket original = h264.get(3);
    RtpPacket copy = original.copyInto(new byte[original.length() + 20], 10);
    copy.setSequenceNumber(1);

    assertThat(original.sequenceNumber()).isEqualTo(65_503);
    assertThat(copy.offset()).isEqualTo(10);
    assertThat(copy.payloadOffset()).isEqualTo(22);
    assertThat(payload(copy)).isEqualTo(payload(original));
  }

  @Test
  void aPacketInsideALargerBufferIsReadAtItsOffset() {
    byte[] inner = PacketBytes.rtp().sequenceNumber(4242).payload("aabbcc").build();
    byte[] datagram = new byte[inner.length + 9];
    System.arraycopy(inner, 0, datagram, 5, inner.length);

    RtpPacket packet = RtpPacket.parse(datagram, 5, inner.length, new DropCounts()).orElseThrow();

    assertThat(packet.sequenceNumber()).isEqualTo(4242);
    assertThat(payload(packet)).containsExactly(0xAA, 0xBB, 0xCC);
  }

  @Test
  void contributingSourcesAndPaddingAreOutsideThePayload() {
    RtpPacket packet = PacketBytes.rtp().csrcs(7, 8).payload("0102030405").padding(3).parse();

    assertThat(packet.csrcCount()).isEqualTo(2);
    assertThat(packet.payloadOffset()).isEqualTo(20);
    assertThat(packet.paddingLength()).isEqualTo(3);
    assertThat(packet.payloadLength()).isEqualTo(5);
  }

  @Test
  void aPaddingOnlyPacketHasAnEmptyPayload() {
    RtpPacket probe = PacketBytes.rtp().payload("").padding(255).parse();

    assertThat(probe.payloadLength()).isZero();
    assertThat(probe.length()).isEqualTo(12 + 255);
  }

  static byte[] payload(RtpPacket packet) {
    byte[] payload = new byte[packet.payloadLength()];
    System.arraycopy(packet.buffer(), packet.payloadOffset(), payload, 0, payload.length);
    return payload;
  }
}
