package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundStreamTrackerTest {
  private static final long SSRC = 0x11223344L;

  private final FakeClock clock = new FakeClock();
  private InboundStreamTracker tracker =
      InboundStreamTracker.create(SSRC, 90_000, NackPolicy.defaults(), clock);

  @Test
  void aGapIsNackedAtOnceAndAgainOnlyAfterTheRetryInterval() {
    receive(100, 101, 104);

    assertThat(tracker.nacksDue()).containsExactly(102, 103);
    assertThat(tracker.nacksDue()).isEmpty();
    clock.advanceMillis(100);
    assertThat(tracker.nacksDue()).containsExactly(102, 103);
  }

  @Test
  void aPacketThatArrivesLateIsNoLongerNacked() {
    receive(100, 104, 102);

    assertThat(tracker.nacksDue()).containsExactly(101, 103);
  }

  @Test
  void aPacketIsNackedAtMostMaxRetriesTimes() {
    tracker = tracker(new NackPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(5), 100));
    receive(1, 3);

    int asked = 0;
    for (int i = 0; i < 10; i++) {
      asked += tracker.nacksDue().size();
      clock.advanceMillis(10);
    }

    assertThat(asked).isEqualTo(3);
  }

  @Test
  void aPacketMissingLongerThanMaxAgeIsGivenUp() {
    tracker = tracker(new NackPolicy(10, Duration.ofMillis(100), Duration.ofMillis(250), 100));
    receive(1, 3);
    assertThat(tracker.nacksDue()).containsExactly(2);

    clock.advanceMillis(300);

    assertThat(tracker.nacksDue()).isEmpty();
  }

  @Test
  void lossesAcrossTheWrapAreNackedInOrderAndFitOneNack() {
    receive(65_533, 65_534, 1);

    List<Integer> due = tracker.nacksDue();

    assertThat(due).containsExactly(65_535, 0);
    byte[] nack = Rtcp.write(List.of(new RtcpPacket.GenericNack(1, SSRC, due)));
    assertThat(nack).hasSize(16);
  }

  @Test
  void onlyTheNewestMaxMissingPacketsAreTracked() {
    tracker = tracker(new NackPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), 10));
    receive(0, 51);

    assertThat(tracker.nacksDue()).containsExactly(41, 42, 43, 44, 45, 46, 47, 48, 49, 50);
  }

  @Test
  void aJumpOfThousandsIsARestartNotLoss() {
    receive(10, 10 + 3_001);

    assertThat(tracker.nacksDue()).isEmpty();
  }

  @Test
  void theReportCountsLossOverTheIntervalAndSinceTheStart() {
    for (int seq = 0; seq < 100; seq++) {
      if (seq != 10) {
        receive(seq);
      }
    }
    ReportBlock first = tracker.nextReportBlock().orElseThrow();
    assertThat(first.ssrc()).isEqualTo(SSRC);
    assertThat(first.fractionLost()).isEqualTo(256 / 100);
    assertThat(first.cumulativeLost()).isOne();
    assertThat(first.extendedHighestSequence()).isEqualTo(99);

    receive(10); // the retransmission arrives
    for (int seq = 100; seq < 200; seq++) {
      receive(seq);
    }
    ReportBlock second = tracker.nextReportBlock().orElseThrow();
    assertThat(second.fractionLost()).isZero();
    assertThat(second.cumulativeLost()).isZero();
  }

  @Test
  void theExtendedHighestSequenceCountsTheWrap() {
    receive(65_530, 65_535, 0, 5);

    assertThat(tracker.nextReportBlock().orElseThrow().extendedHighestSequence())
        .isEqualTo(0x1_0005L);
  }

  @Test
  void aPacketTenMillisecondsLateRaisesJitterByASixteenthOfTheDelay() {
    tracker = InboundStreamTracker.create(SSRC, 48_000, NackPolicy.defaults(), clock);
    long timestamp = 1_000;
    for (int seq = 0; seq < 50; seq++, timestamp += 960) {
      receiveStamped(seq, timestamp);
      clock.advanceMillis(20);
    }
    assertThat(tracker.nextReportBlock().orElseThrow().jitter()).isZero();

    clock.advanceMillis(10);
    receiveStamped(50, timestamp);

    assertThat(tracker.nextReportBlock().orElseThrow().jitter()).isEqualTo(480 / 16);
  }

  @Test
  void jitterFollowsTheRfc3550FormulaOnIrregularArrivals() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    double reference = 0;
    long previousTransit = 0;
    long arrivalMicros = 0;
    for (int seq = 0; seq < 2_000; seq++) {
      long timestamp = seq * 3_000L; // 30 fps at 90 kHz
      long sendMicros = seq * 33_333L;
      long delayMicros = 20_000 + random.nextLong(15_000);
      long nextArrival = Math.max(arrivalMicros + 1, sendMicros + delayMicros);
      clock.advance(Duration.ofNanos((nextArrival - arrivalMicros) * 1_000));
      arrivalMicros = nextArrival;
      receiveStamped(seq, timestamp);
      long transit = arrivalMicros * 90 / 1_000 - timestamp;
      if (seq > 0) {
        reference += (Math.abs(transit - previousTransit) - reference) / 16;
      }
      previousTransit = transit;
    }

    assertThat((double) tracker.nextReportBlock().orElseThrow().jitter())
        .isCloseTo(reference, org.assertj.core.data.Offset.offset(2.0));
  }

  @Test
  void packetsOfOneFramePacedApartDoNotCountAsJitter() {
    long timestamp = 0;
    int seq = 0;
    for (int frame = 0; frame < 30; frame++, timestamp += 3_600) {
      for (int packet = 0; packet < 4; packet++) {
        receiveStamped(seq++, timestamp);
        clock.advanceMillis(packet < 3 ? 2 : 40 - 6);
      }
    }

    assertThat(tracker.nextReportBlock().orElseThrow().jitter()).isZero();
  }

  @Test
  void theReportEchoesTheLastSenderReportAndHowLongAgoItCame() {
    long ntp = NtpTime.of(Instant.parse("2026-11-24T10:00:00Z"));
    receive(1);
    tracker.onSenderReport(new RtcpPacket.SenderReport(SSRC, ntp, 0, 1, 100, List.of()));
    clock.advanceMillis(1_500);

    ReportBlock block = tracker.nextReportBlock().orElseThrow();

    assertThat(block.lastSenderReport()).isEqualTo(NtpTime.middle32(ntp));
    assertThat(block.delaySinceLastSenderReport()).isEqualTo(98_304);
  }

  @Test
  void thereIsNoReportBeforeTheFirstPacket() {
    assertThat(tracker.nextReportBlock()).isEmpty();
    assertThat(tracker.nacksDue()).isEmpty();
  }

  @Test
  void aPolicyOutsideItsLimitsIsRefusedByName() {
    assertThatThrownBy(() -> new NackPolicy(0, Duration.ofMillis(10), Duration.ofSeconds(1), 10))
        .hasMessage("maxRetries must be 1 to 100, got 0");
    assertThatThrownBy(() -> new NackPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 10))
        .hasMessage("maxAge must be at least retryInterval (PT2S), got PT1S");
  }

  private InboundStreamTracker tracker(NackPolicy policy) {
    return InboundStreamTracker.create(SSRC, 90_000, policy, clock);
  }

  private void receive(int... sequenceNumbers) {
    for (int seq : sequenceNumbers) {
      receiveStamped(seq, 3_000L * seq);
    }
  }

  private void receiveStamped(int sequenceNumber, long timestamp) {
    tracker.onPacket(
        PacketBytes.rtp().ssrc(SSRC).sequenceNumber(sequenceNumber).timestamp(timestamp).parse());
  }
}
