package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeDetectorTest {
  private static final String VP8_KEYFRAME_HEADER = "5001009d012a400190";

  @Test
  void inTheCapturedH264StreamTheSpsPacketAndTheIdrSliceStartsAreKeyframeStarts() {
    List<RtpPacket> h264 = CapturedPackets.rtp("h264.rtp.hex");

    assertThat(indicesOf(h264, KeyframeDetector.h264(), PacketKind.KEYFRAME_START))
        .containsExactly(0, 1, 4, 54, 55, 57);
  }

  @Test
  void everyOtherCapturedH264PacketIsOther() {
    List<RtpPacket> h264 = CapturedPackets.rtp("h264.rtp.hex");

    assertThat(indicesOf(h264, KeyframeDetector.h264(), PacketKind.PREFIX)).isEmpty();
    assertThat(indicesOf(h264, KeyframeDetector.h264(), PacketKind.OTHER)).hasSize(120 - 6);
  }

  @Test
  void inTheCapturedVp8StreamOnlyTheFirstPacketOfEachKeyframeStartsOne() {
    List<RtpPacket> vp8 = CapturedPackets.rtp("vp8.rtp.hex");

    assertThat(indicesOf(vp8, KeyframeDetector.vp8(), PacketKind.KEYFRAME_START))
        .containsExactly(0, 42);
  }

  @Test
  void everyOpusPacketIsDecodableOnItsOwn() {
    List<RtpPacket> opus = CapturedPackets.rtp("opus.rtp.hex");

    assertThat(indicesOf(opus, KeyframeDetector.audio(), PacketKind.KEYFRAME_START))
        .hasSize(opus.size());
  }

  @Test
  void singleH264NalUnitsAreClassifiedByType() {
    KeyframeDetector h264 = KeyframeDetector.h264();

    assertThat(h264.classify(payload("65888400"))).isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(h264.classify(payload("6742c01e"))).isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(h264.classify(payload("68ce3c80"))).isEqualTo(PacketKind.OTHER);
    assertThat(h264.classify(payload("419a0000"))).isEqualTo(PacketKind.OTHER);
    assertThat(h264.classify(payload("0910"))).isEqualTo(PacketKind.PREFIX);
    assertThat(h264.classify(payload("06050102"))).isEqualTo(PacketKind.PREFIX);
    assertThat(h264.classify(payload(""))).isEqualTo(PacketKind.OTHER);
  }

  @Test
  void aStapAIsAKeyframeStartWhenAnyUnitIsSpsOrIdr() {
    KeyframeDetector h264 = KeyframeDetector.h264();

    assertThat(h264.classify(payload("18" + "00020910" + "00046742c01e" + "000268ce")))
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(h264.classify(payload("18" + "00020910" + "0002060501")))
        .isEqualTo(PacketKind.PREFIX);
    assertThat(h264.classify(payload("18" + "0003419a00" + "0003419a00")))
        .isEqualTo(PacketKind.OTHER);
    assertThat(h264.classify(payload("18" + "00ff6742")))
        .as("a unit size past the end")
        .isEqualTo(PacketKind.OTHER);
  }

  @Test
  void anFuAIsAKeyframeStartOnlyForTheFirstFragmentOfAnIdr() {
    KeyframeDetector h264 = KeyframeDetector.h264();

    assertThat(h264.classify(payload("7c85aabb"))).isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(h264.classify(payload("7c05aabb"))).isEqualTo(PacketKind.OTHER);
    assertThat(h264.classify(payload("7c45aabb"))).as("end fragment").isEqualTo(PacketKind.OTHER);
    assertThat(h264.classify(payload("5c81aabb"))).as("P slice").isEqualTo(PacketKind.OTHER);
    assertThat(h264.classify(payload("7c"))).as("no FU header").isEqualTo(PacketKind.OTHER);
  }

  @Test
  void vp8KeyframesAreFoundBehindEveryDescriptorLayout() {
    KeyframeDetector vp8 = KeyframeDetector.vp8();

    assertThat(vp8.classify(payload("10" + VP8_KEYFRAME_HEADER)))
        .as("no extension")
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(vp8.classify(payload("9080" + "05" + VP8_KEYFRAME_HEADER)))
        .as("7-bit picture id")
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(vp8.classify(payload("90f0" + "8123" + "07" + "a0" + VP8_KEYFRAME_HEADER)))
        .as("15-bit picture id, TL0PICIDX, TID and KEYIDX")
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(vp8.classify(payload("9010" + "20" + VP8_KEYFRAME_HEADER)))
        .as("KEYIDX only")
        .isEqualTo(PacketKind.KEYFRAME_START);
  }

  @Test
  void vp8PacketsThatAreNotTheStartOfAKeyframeAreOther() {
    KeyframeDetector vp8 = KeyframeDetector.vp8();

    assertThat(vp8.classify(payload("00" + VP8_KEYFRAME_HEADER)))
        .as("S=0")
        .isEqualTo(PacketKind.OTHER);
    assertThat(vp8.classify(payload("11" + VP8_KEYFRAME_HEADER)))
        .as("PID=1")
        .isEqualTo(PacketKind.OTHER);
    assertThat(vp8.classify(payload("10" + "5101009d012a"))).as("P=1").isEqualTo(PacketKind.OTHER);
    assertThat(vp8.classify(payload("10" + "500100ffffff")))
        .as("start code")
        .isEqualTo(PacketKind.OTHER);
    assertThat(vp8.classify(payload("90f081"))).as("truncated").isEqualTo(PacketKind.OTHER);
    assertThat(vp8.classify(payload("90"))).as("no flags byte").isEqualTo(PacketKind.OTHER);
  }

  @Test
  void theDetectorIsChosenByTheSdpEncodingName() {
    RtpPacket idr = payload("65888400");

    assertThat(KeyframeDetector.forEncoding("H264").orElseThrow().classify(idr))
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(KeyframeDetector.forEncoding("vp8").orElseThrow().classify(idr))
        .isEqualTo(PacketKind.OTHER);
    assertThat(KeyframeDetector.forEncoding("opus")).isPresent();
    assertThat(KeyframeDetector.forEncoding("AV1")).isEmpty();
  }

  private static RtpPacket payload(String hex) {
    return PacketBytes.rtp().payload(hex).parse();
  }

  static List<Integer> indicesOf(
      List<RtpPacket> packets, KeyframeDetector detector, PacketKind kind) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < packets.size(); i++) {
      if (detector.classify(packets.get(i)) == kind) {
        indices.add(i);
      }
    }
    return indices;
  }
}
