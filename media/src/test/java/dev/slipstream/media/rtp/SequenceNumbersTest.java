package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
  @Test
  void zeroComesAfter65535() {
    assertThat(SequenceNumbers.isNewer(0, 65_535)).isTrue();
    assertThat(SequenceNumbers.isNewer(65_535, 0)).isFalse();
    assertThat(SequenceNumbers.distance(2, 65_534)).isEqualTo(4);
    assertThat(SequenceNumbers.distance(65_534, 2)).isEqualTo(-4);
  }

  @Test
  void numbersHalfTheCircleApartAreOrderedByTheShortWay() {
    assertThat(SequenceNumbers.isNewer(32_767, 0)).isTrue();
    assertThat(SequenceNumbers.isNewer(32_769, 0)).isFalse();
    assertThat(SequenceNumbers.distance(5, 5)).isZero();
  }

  @Test
  void addingWrapsBackIntoSixteenBits() {
    assertThat(SequenceNumbers.add(65_535, 1)).isZero();
    assertThat(SequenceNumbers.add(0, -1)).isEqualTo(65_535);
  }

  @Test
  void unwrappingCountsCyclesAcrossTheWrap() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper();

    assertThat(unwrapper.unwrap(65_534)).isEqualTo(65_534);
    assertThat(unwrapper.unwrap(65_535)).isEqualTo(65_535);
    assertThat(unwrapper.unwrap(1)).isEqualTo(65_537);
    assertThat(unwrapper.unwrap(0)).as("late, after the wrap").isEqualTo(65_536);
    assertThat(unwrapper.unwrap(65_533)).as("late, before the wrap").isEqualTo(65_533);
    assertThat(unwrapper.highest()).isEqualTo(65_537);
  }

  @Test
  void aPacketFromBeforeTheFirstComesBackNegative() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper();

    unwrapper.unwrap(3);

    assertThat(unwrapper.unwrap(65_535)).isEqualTo(-1);
    assertThat(unwrapper.highest()).isEqualTo(3);
  }

  @Test
  void theCapturedH264StreamUnwrapsIntoOneRisingRun() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    long previous = -1;
    for (RtpPacket packet : CapturedPackets.rtp("h264.rtp.hex")) {
      long extended = unwrapper.unwrap(packet.sequenceNumber());
      if (previous >= 0) {
        assertThat(extended).isEqualTo(previous + 1);
      }
      previous = extended;
    }
    assertThat(previous).isEqualTo(65_536 + 83);
  }
}
