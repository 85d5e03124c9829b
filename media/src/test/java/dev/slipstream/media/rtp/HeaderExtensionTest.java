package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderExtensionTest {
  // As Chromium sends video: abs-send-time (id 2, 3 bytes), transport-cc (id 3, 2 bytes),
  // sdes:mid (id 4, "0"), then padding to a 32-bit boundary.
  private static final String CHROMIUM_ONE_BYTE = "22123456" + "310a0b" + "4030" + "000000";

  @Test
  void aOneByteExtensionIsFoundByIdAndTheMidReadAsText() {
    RtpPacket packet = PacketBytes.rtp().extension(0xBEDE, CHROMIUM_ONE_BYTE).parse();

    HeaderExtension sendTime = packet.extension(2).orElseThrow();
    assertThat(sendTime.length()).isEqualTo(3);
    assertThat(packet.buffer()[sendTime.offset()]).isEqualTo((byte) 0x12);
    assertThat(packet.extension(3).orElseThrow().length()).isEqualTo(2);
    assertThat(packet.extensionText(4)).contains("0");
    assertThat(packet.extension(5)).isEmpty();
    assertThat(packet.payloadOffset()).isEqualTo(12 + 4 + 12);
  }

  @Test
  void aTwoByteExtensionAllowsLargeIdsAndEmptyValues() {
    // id 20 empty, padding byte, id 200 holding "audio", then padding
    String body = "1400" + "00" + "c805" + "617564696f" + "0000";
    RtpPacket packet = PacketBytes.rtp().extension(0x1000, body).parse();

    assertThat(packet.extension(20).orElseThrow().length()).isZero();
    assertThat(packet.extensionText(200)).contains("audio");
  }

  @Test
  void aViewersIdReplacesThePublishersAndTheValueStays() {
    RtpPacket packet = PacketBytes.rtp().extension(0xBEDE, CHROMIUM_ONE_BYTE).parse();

    assertThat(packet.rewriteExtensionId(4, 9)).isTrue();

    assertThat(packet.extension(4)).isEmpty();
    assertThat(packet.extensionText(9)).contains("0");
    assertThat(packet.rewriteExtensionId(9, 15)).as("15 does not fit one byte").isFalse();
    assertThat(packet.rewriteExtensionId(7, 8)).as("no element 7").isFalse();
  }

  @Test
  void aRemovedExtensionBecomesPaddingAndTheOthersStayReadable() {
    RtpPacket packet = PacketBytes.rtp().extension(0xBEDE, CHROMIUM_ONE_BYTE).parse();
    int length = packet.length();

    assertThat(packet.removeExtension(3)).isTrue();

    assertThat(packet.extension(3)).isEmpty();
    assertThat(packet.extension(2)).isPresent();
    assertThat(packet.extensionText(4)).contains("0");
    assertThat(packet.length()).isEqualTo(length);
  }

  @Test
  void remappingSwapsIdsAndDropsWhatTheViewerDidNotNegotiate() {
    RtpPacket packet = PacketBytes.rtp().extension(0xBEDE, CHROMIUM_ONE_BYTE).parse();

    packet.remapExtensions(HeaderExtensionMap.of(Map.of(2, 4, 4, 2)));

    assertThat(packet.extension(4).orElseThrow().length()).isEqualTo(3);
    assertThat(packet.extensionText(2)).contains("0");
    assertThat(packet.extension(3)).isEmpty();
  }

  @Test
  void aTwoByteElementMappedToALargeIdKeepsIt() {
    RtpPacket packet = PacketBytes.rtp().extension(0x1000, "0301ff00").parse();

    packet.remapExtensions(HeaderExtensionMap.of(Map.of(3, 250)));

    assertThat(packet.extension(250).orElseThrow().length()).isOne();
  }

  @Test
  void aMalformedElementEndsTheWalkWithoutFailingThePacket() {
    // id 1 with 2 bytes, then id 2 claiming 16 bytes where 1 is left
    RtpPacket packet = PacketBytes.rtp().extension(0xBEDE, "1101022f").parse();

    assertThat(packet.extension(1)).isPresent();
    assertThat(packet.extension(2)).isEmpty();
    assertThat(packet.removeExtension(2)).isFalse();
  }

  @Test
  void idFifteenStopsTheOneByteWalk() {
    RtpPacket packet = PacketBytes.rtp().extension(0xBEDE, "f0001000").parse();

    assertThat(packet.extension(1)).isEmpty();
  }

  @Test
  void anExtensionOfAnotherProfileIsCarriedButNotRead() {
    RtpPacket packet = PacketBytes.rtp().extension(0xABCD, "10ff0000").parse();

    assertThat(packet.extension(1)).isEmpty();
    assertThat(packet.payloadOffset()).isEqualTo(20);
  }

  @Test
  void aPacketWithoutExtensionsHasNone() {
    RtpPacket packet = PacketBytes.rtp().parse();

    assertThat(packet.extension(1)).isEmpty();
    assertThat(packet.removeExtension(1)).isFalse();
  }

  @Test
  void aMapWithAnIdOutOfRangeIsRefusedWithTheIds() {
    assertThatThrownBy(() -> HeaderExtensionMap.of(Map.of(3, 256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publisher id 3 mapped to viewer id 256");
  }
}
