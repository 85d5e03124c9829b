package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketKindTest {

  @Test
  void everyFirstByteFallsInTheRangeRfc7983GivesIt() {
    for (int b = 0; b <= 255; b++) {
      PacketKind expected;
      if (b <= 3) {
        expected = PacketKind.STUN;
      } else if (b >= 20 && b <= 63) {
        expected = PacketKind.DTLS;
      } else if (b >= 128 && b <= 191) {
        expected = PacketKind.RTP;
      } else {
        expected = PacketKind.UNRECOGNISED;
      }

      assertThat(PacketKind.of(new byte[] {(byte) b}, 1))
          .as("first byte %d", b)
          .isEqualTo(expected);
    }
  }

  @Test
  void anEmptyPacketIsUnrecognised() {
    assertThat(PacketKind.of(new byte[] {0}, 0)).isEqualTo(PacketKind.UNRECOGNISED);
  }
}
