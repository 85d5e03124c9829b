package dev.slipstream.media.rtp;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** Serialises the receive path and the RTCP timer over one source's statistics and losses. */
final class LockedInboundStreamTracker implements InboundStreamTracker {
  private final long ssrc;
  private final InstantSource clock;
  private final Instant start;
  private final ReentrantLock lock = new ReentrantLock();
  private final ReceptionStatistics statistics;
  private final MissingPackets missing;

  LockedInboundStreamTracker(long ssrc, int clockRate, NackPolicy policy, InstantSource clock) {
    this.ssrc = ssrc;
    this.clock = clock;
    this.start = clock.instant();
    this.statistics = new ReceptionStatistics(ssrc, clockRate);
    this.missing = new MissingPackets(policy);
  }

  @Override
  public long ssrc() {
    return ssrc;
  }

  @Override
  public void onPacket(RtpPacket packet) {
    long nanos = nanosSinceStart();
    lock.lock();
    try {
      long extended = statistics.onPacket(packet.sequenceNumber(), packet.timestamp(), nanos);
      missing.onPacket(extended, nanos);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onSenderReport(RtcpPacket.SenderReport report) {
    long nanos = nanosSinceStart();
    lock.lock();
    try {
      statistics.onSenderReport(report.ntpTimestamp(), nanos);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Integer> nacksDue() {
    long nanos = nanosSinceStart();
    lock.lock();
    try {
      return missing.due(nanos);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<ReportBlock> nextReportBlock() {
    long nanos = nanosSinceStart();
    lock.lock();
    try {
      return statistics.nextBlock(nanos);
    } finally {
      lock.unlock();
    }
  }

  private long nanosSinceStart() {
    Instant now = clock.instant();
    return (now.getEpochSecond() - start.getEpochSecond()) * 1_000_000_000L
        + (now.getNano() - start.getNano());
  }
}
