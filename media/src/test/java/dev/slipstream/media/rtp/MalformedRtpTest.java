package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MalformedRtpTest {
  private final DropCounts drops = new DropCounts();

  @Test
  void aDatagramShorterThanTheFixedHeaderIsDroppedAsTooShort() {
    byte[] packet = PacketBytes.rtp().build();

    assertThat(parse(Arrays.copyOf(packet, 11))).isFalse();
    assertThat(parse(new byte[0])).isFalse();

    assertThat(drops.count(DropReason.RTP_TOO_SHORT)).isEqualTo(2);
  }

  @Test
  void aVersionOtherThanTwoIsDropped() {
    byte[] packet = PacketBytes.rtp().build();
    packet[0] = (byte) (packet[0] & 0x3F | 0x40);

    assertThat(parse(packet)).isFalse();
    assertThat(drops.count(DropReason.RTP_BAD_VERSION)).isOne();
  }

  @Test
  void aCsrcCountBeyondThePacketIsDropped() {
    byte[] packet = PacketBytes.rtp().payload("01020304").build();
    packet[0] |= 0x02; // two CSRCs would need 8 bytes, only 4 follow

    assertThat(parse(packet)).isFalse();
    assertThat(drops.count(DropReason.RTP_CSRC_BEYOND_END)).isOne();
  }

  @Test
  void anExtensionLongerThanThePacketIsDropped() {
    byte[] packet = PacketBytes.rtp().extension(0xBEDE, "10ff0000").payload("").build();
    packet[15] = 2; // says two words, one follows

    assertThat(parse(packet)).isFalse();
    assertThat(drops.count(DropReason.RTP_EXTENSION_BEYOND_END)).isOne();
  }

  @Test
  void anExtensionBitWithNoRoomForTheExtensionHeaderIsDropped() {
    byte[] packet = PacketBytes.rtp().payload("").build();
    packet[0] |= 0x10;

    assertThat(parse(packet)).isFalse();
    assertThat(drops.count(DropReason.RTP_EXTENSION_BEYOND_END)).isOne();
  }

  @Test
  void paddingLargerThanThePayloadOrZeroIsDropped() {
    byte[] tooMuch = PacketBytes.rtp().payload("0102").padding(2).build();
    tooMuch[tooMuch.length - 1] = 5;
    byte[] zero = PacketBytes.rtp().payload("0102").padding(2).build();
    zero[zero.length - 1] = 0;
    byte[] nothingToPad = PacketBytes.rtp().payload("").build();
    nothingToPad[0] |= 0x20;

    assertThat(parse(tooMuch)).isFalse();
    assertThat(parse(zero)).isFalse();
    assertThat(parse(nothingToPad)).isFalse();
    assertThat(drops.count(DropReason.RTP_BAD_PADDING)).isEqualTo(3);
  }

  @Test
  void paddingThatEatsTheWholePayloadIsAcceptedAsAProbe() {
    byte[] packet = PacketBytes.rtp().payload("").padding(4).build();

    assertThat(parse(packet)).isTrue();
    assertThat(drops.total()).isZero();
  }

  @Test
  void corruptedAndTruncatedCapturedPacketsNeverThrow() {
    SplittableRandom random = new SplittableRandom(20_261_124);
    List<byte[]> captured = CapturedPackets.load("h264.rtp.hex");
    captured = List.of(captured.get(0), captured.get(1), captured.get(6), captured.get(20));
    KeyframeDetector h264 = KeyframeDetector.h264();
    KeyframeDetector vp8 = KeyframeDetector.vp8();
    int accepted = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] original = captured.get(random.nextInt(captured.size()));
      byte[] bytes = Arrays.copyOf(original, 1 + random.nextInt(original.length));
      for (int flips = random.nextInt(1, 6); flips > 0; flips--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      var parsed = RtpPacket.parse(bytes, 0, bytes.length, drops);
      if (parsed.isPresent()) {
        accepted++;
        RtpPacket packet = parsed.get();
        h264.classify(packet);
        vp8.classify(packet);
        packet.extension(random.nextInt(1, 15));
        packet.remapExtensions(HeaderExtensionMap.of(java.util.Map.of(1, 2)));
        assertThat(packet.payloadOffset() + packet.payloadLength())
            .isLessThanOrEqualTo(bytes.length);
      }
    }
    assertThat(accepted + drops.total()).isEqualTo(20_000);
    assertThat(drops.total()).isPositive();
  }

  private boolean parse(byte[] bytes) {
    return RtpPacket.parse(bytes, 0, bytes.length, drops).isPresent();
  }
}
