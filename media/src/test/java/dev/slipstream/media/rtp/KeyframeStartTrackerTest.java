package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeStartTrackerTest {
  @Test
  void inTheCapturedH264StreamViewersMayStartOnlyOnTheSpsPacketOfEachKeyframe() {
    assertThat(startsIn(CapturedPackets.rtp("h264.rtp.hex"), KeyframeDetector.h264()))
        .containsExactly(0, 54);
  }

  @Test
  void inTheCapturedVp8StreamViewersMayStartOnEachKeyframesFirstPacket() {
    assertThat(startsIn(CapturedPackets.rtp("vp8.rtp.hex"), KeyframeDetector.vp8()))
        .containsExactly(0, 42);
  }

  @Test
  void anAccessUnitDelimiterBeforeTheSpsDoesNotHideTheStartOfTheFrame() {
    KeyframeStartTracker tracker = new KeyframeStartTracker(KeyframeDetector.h264());

    assertThat(tracker.isKeyframeStart(packet(1, 9_000, "0910"))).isFalse();
    assertThat(tracker.isKeyframeStart(packet(2, 9_000, "6742c01e"))).isTrue();
    assertThat(tracker.isKeyframeStart(packet(3, 9_000, "7c85aabb"))).isFalse();
  }

  @Test
  void anIdrAfterAPictureOfTheSameFrameIsNoStart() {
    KeyframeStartTracker tracker = new KeyframeStartTracker(KeyframeDetector.h264());

    assertThat(tracker.isKeyframeStart(packet(1, 9_000, "419a0000"))).isFalse();
    assertThat(tracker.isKeyframeStart(packet(2, 9_000, "65888400"))).isFalse();
    assertThat(tracker.isKeyframeStart(packet(3, 12_000, "65888400"))).isTrue();
  }

  @Test
  void aLateKeyframePacketIsNoStart() {
    KeyframeStartTracker tracker = new KeyframeStartTracker(KeyframeDetector.h264());
    tracker.isKeyframeStart(packet(10, 9_000, "419a0000"));

    assertThat(tracker.isKeyframeStart(packet(9, 6_000, "6742c01e"))).isFalse();
  }

  private static RtpPacket packet(int seq, long timestamp, String payload) {
    return PacketBytes.rtp().sequenceNumber(seq).timestamp(timestamp).payload(payload).parse();
  }

  private static List<Integer> startsIn(List<RtpPacket> packets, KeyframeDetector detector) {
    KeyframeStartTracker tracker = new KeyframeStartTracker(detector);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < packets.size(); i++) {
      if (tracker.isKeyframeStart(packets.get(i))) {
        starts.add(i);
      }
    }
    return starts;
  }
}
