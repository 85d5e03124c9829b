package dev.slipstream.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SsrcReceptionTest {
  private final SsrcReception reception = new SsrcReception(0x1234);

  @Test
  void anUnbrokenRunAcrossTheSequenceWrapLosesNothing() {
    for (int i = 0; i < 20; i++) {
      reception.onPacket((65_530 + i) & 0xFFFF, 100);
    }

    assertThat(reception.expected()).isEqualTo(20);
    assertThat(reception.received()).isEqualTo(20);
    assertThat(reception.extendedHighest()).isEqualTo(0x1_0000 + 13);
    assertThat(reception.bytes()).isEqualTo(2_000);
  }

  @Test
  void aGapCountsAsLostUntilTheLatePacketArrives() {
    reception.onPacket(10, 100);
    reception.onPacket(11, 100);
    reception.onPacket(14, 100);

    assertThat(reception.expected() - reception.received()).isEqualTo(2);

    reception.onPacket(12, 100);

    assertThat(reception.expected() - reception.received()).isEqualTo(1);
  }

  @Test
  void theFractionLostCoversOnlyTheTimeSinceTheLastReport() {
    for (int seq : new int[] {0, 1, 2, 3}) {
      reception.onPacket(seq, 100);
    }
    reception.onPacket(8, 100); // 4..7 lost: 4 of 9 expected

    assertThat(reception.fractionLostSinceLastReport()).isEqualTo(4 * 256 / 9);

    reception.onPacket(9, 100);

    assertThat(reception.fractionLostSinceLastReport()).isZero();
  }

  @Test
  void nothingReceivedExpectsNothing() {
    assertThat(reception.expected()).isZero();
    assertThat(reception.fractionLostSinceLastReport()).isZero();
  }
}
