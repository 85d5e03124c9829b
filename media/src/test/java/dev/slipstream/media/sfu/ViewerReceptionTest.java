package dev.slipstream.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.media.rtp.NtpTime;
import dev.slipstream.media.rtp.ReportBlock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ViewerReceptionTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
  private final InstantSource clock = now::get;
  private final ViewerReception reception = new ViewerReception(clock);

  @Test
  void theRoundTripCountsFromWhenTheEchoedReportWasSentNotFromTheNtpTimeItCarried() {
    // The SR carries the publisher's NTP time from 800 ms before it was sent.
    long carried = NtpTime.of(now.get().minusMillis(800));
    reception.sentVideoReport(carried);
    now.set(now.get().plusMillis(250));
    // The viewer held the report 200 ms (in 1/65536 s) before answering.
    reception.onVideoReport(block(NtpTime.middle32(carried), 200 * 65536 / 1000, 900));

    assertThat(reception.roundTripMillis()).isCloseTo(50, within(0.1));
    assertThat(reception.jitterMillis()).isEqualTo(10);
  }

  @Test
  void aSenderReportSentAgainCountsFromItsLatestCopy() {
    // The publisher's report is repeated each second until it sends a newer one; the viewer's
    // delay since the last report counts from the copy it got last.
    long carried = NtpTime.of(now.get().minusMillis(100));
    for (int copy = 0; copy < 3; copy++) {
      reception.sentVideoReport(carried);
      now.set(now.get().plusMillis(1_000));
    }
    now.set(now.get().minusMillis(1_000 - 230));
    reception.onVideoReport(block(NtpTime.middle32(carried), 200 * 65536 / 1000, 900));

    assertThat(reception.roundTripMillis()).isCloseTo(30, within(0.1));
  }

  @Test
  void aReportEchoingNoKnownSenderReportLeavesTheRoundTripUnknown() {
    reception.sentVideoReport(NtpTime.of(now.get()));
    reception.onVideoReport(block(0, 0, 0));
    reception.onVideoReport(block(0x1234_5678L, 0, 0));

    assertThat(reception.roundTripMillis()).isEqualTo(-1);
  }

  @Test
  void inProcessSourcesGetSenderReportsThatFollowTheirRtpClockFromTheFirstArrival() {
    ArrivalSenderReports reports = new ArrivalSenderReports(clock);
    Instant first = now.get();
    reports.onPacket(dev.slipstream.media.sdp.MediaKind.VIDEO, packet(1_000), 90_000);
    now.set(first.plus(Duration.ofMillis(1_037)));
    reports.onPacket(dev.slipstream.media.sdp.MediaKind.VIDEO, packet(1_000 + 90_000), 90_000);

    var report = reports.latest(dev.slipstream.media.sdp.MediaKind.VIDEO).orElseThrow();
    assertThat(report.rtpTimestamp()).isEqualTo(91_000);
    assertThat(NtpTime.toInstant(report.ntpTimestamp()))
        .as("one second of RTP time after the first arrival, whatever the later jitter")
        .isCloseTo(first.plusSeconds(1), within(1, java.time.temporal.ChronoUnit.MILLIS));
    assertThat(reports.latest(dev.slipstream.media.sdp.MediaKind.AUDIO)).isEmpty();
  }

  private static ReportBlock block(long lastSenderReport, long delay, long jitter) {
    return new ReportBlock(0x1111L, 0, 0, 100, jitter, lastSenderReport, delay);
  }

  private static dev.slipstream.media.rtp.RtpPacket packet(long timestamp) {
    byte[] data = new byte[13];
    data[0] = (byte) 0x80;
    data[1] = 96;
    for (int i = 0; i < 4; i++) {
      data[4 + i] = (byte) (timestamp >> (24 - 8 * i));
      data[8 + i] = (byte) (0x22334455L >> (24 - 8 * i));
    }
    return dev.slipstream.media.rtp.RtpPacket.parse(
            data, 0, data.length, new dev.slipstream.media.rtp.DropCounts())
        .orElseThrow();
  }
}
