package dev.slipstream.media.rtp;

import java.util.Optional;

/**
 * Counts what one source delivered and turns it into RR blocks (RFC 3550 A.3 and A.8).
 *
 * <p>Jitter is updated only by packets that are newest so far and start a new timestamp, as
 * libwebrtc does: the packets of one frame share a timestamp but leave the sender paced over
 * milliseconds, and counting each would report pacing as network jitter. Not thread-safe.
 */
final class ReceptionStatistics {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long ssrc;
  private final int clockRate;
  private final SequenceUnwrapper sequences = new SequenceUnwrapper();
  private long base = Long.MAX_VALUE;
  private long received;
  private long expectedPrior;
  private long receivedPrior;
  private long jitterTimes16;
  private long lastTransit;
  private long lastTimestamp = -1;
  private long lastSenderReport;
  private long lastSenderReportNanos = -1;

  ReceptionStatistics(long ssrc, int clockRate) {
    this.ssrc = ssrc;
    this.clockRate = clockRate;
  }

  /** Records a packet that arrived {@code nanos} after the tracker started; returns its ext seq. */
  long onPacket(int sequenceNumber, long timestamp, long nanos) {
    long highestBefore = sequences.highest();
    long extended = sequences.unwrap(sequenceNumber);
    received++;
    base = Math.min(base, extended);
    boolean newest = highestBefore == Long.MIN_VALUE || extended > highestBefore;
    if (newest && timestamp != lastTimestamp) {
      long arrival =
          nanos / NANOS_PER_SECOND * clockRate
              + nanos % NANOS_PER_SECOND * clockRate / NANOS_PER_SECOND;
      long transit = arrival - timestamp;
      if (lastTimestamp >= 0) {
        int d = Math.abs((int) (transit - lastTransit)); // timestamps wrap at 2^32
        jitterTimes16 += d - ((jitterTimes16 + 8) >> 4);
      }
      lastTransit = transit;
      lastTimestamp = timestamp;
    }
    return extended;
  }

  void onSenderReport(long ntpTimestamp, long nanos) {
    lastSenderReport = NtpTime.middle32(ntpTimestamp);
    lastSenderReportNanos = nanos;
  }

  /** Returns the block for the interval since the previous call, or empty before any packet. */
  Optional<ReportBlock> nextBlock(long nanos) {
    if (received == 0) {
      return Optional.empty();
    }
    long highest = sequences.highest();
    long expected = highest - base + 1;
    long expectedInterval = expected - expectedPrior;
    long receivedInterval = received - receivedPrior;
    expectedPrior = expected;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    int fraction =
        expectedInterval <= 0 || lostInterval <= 0
            ? 0
            : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    long delay =
        lastSenderReportNanos < 0 ? 0 : (nanos - lastSenderReportNanos) * 65_536 / NANOS_PER_SECOND;
    return Optional.of(
        new ReportBlock(
            ssrc,
            fraction,
            (int) Math.clamp(expected - received, -0x800000L, 0x7FFFFFL),
            highest & 0xFFFFFFFFL,
            jitterTimes16 >> 4,
            lastSenderReportNanos < 0 ? 0 : lastSenderReport,
            delay & 0xFFFFFFFFL));
  }
}
