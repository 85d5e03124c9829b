package dev.slipstream.media.sfu;

import dev.slipstream.media.rtp.NtpTime;
import dev.slipstream.media.rtp.ReportBlock;
import java.time.Instant;
import java.time.InstantSource;

/**
 * How a viewer receives its video, from the report blocks of its receiver reports: the round trip
 * (RFC 3550 6.4.1: arrival − when the echoed SR was sent − delay since that SR), the interarrival
 * jitter and the share of packets lost. The SRs a viewer gets carry the publisher's NTP time, not
 * the moment they were sent, so the send time of each of the last few is kept by its echo. Written
 * on the socket and timer threads, read by the stats.
 */
final class ViewerReception {
  private static final double VIDEO_TICKS_PER_MS = 90.0;
  private static final int SENT_KEPT = 8;

  private final InstantSource clock;
  private final long[] sentEcho = new long[SENT_KEPT];
  private final long[] sentNanos = new long[SENT_KEPT];
  private int nextSent;
  private volatile double roundTripMillis = -1;
  private volatile double jitterMillis;
  private volatile double fractionLostPercent;

  ViewerReception(InstantSource clock) {
    this.clock = clock;
  }

  /**
   * Notes that a video sender report with this NTP time is being sent now. The publisher's latest
   * report is sent again until it sends a newer one, and a viewer's delay since the last report
   * counts from the latest copy it got, so a repeated NTP time moves its send time to now.
   */
  synchronized void sentVideoReport(long ntpTimestamp) {
    long echo = NtpTime.middle32(ntpTimestamp);
    for (int i = 0; i < SENT_KEPT; i++) {
      if (sentNanos[i] != 0 && sentEcho[i] == echo) {
        sentNanos[i] = nanos();
        return;
      }
    }
    sentEcho[nextSent] = echo;
    sentNanos[nextSent] = nanos();
    nextSent = (nextSent + 1) % SENT_KEPT;
  }

  /** Takes the viewer's report block about the video it was sent. */
  synchronized void onVideoReport(ReportBlock block) {
    jitterMillis = block.jitter() / VIDEO_TICKS_PER_MS;
    fractionLostPercent = block.fractionLost() * 100.0 / 256;
    if (block.lastSenderReport() == 0) {
      return;
    }
    for (int i = 0; i < SENT_KEPT; i++) {
      if (sentNanos[i] != 0 && sentEcho[i] == block.lastSenderReport()) {
        double sinceSent = (nanos() - sentNanos[i]) / 1e6;
        double held = block.delaySinceLastSenderReport() * 1000.0 / 65536;
        roundTripMillis = Math.max(0, sinceSent - held);
        return;
      }
    }
  }

  /**
   * The viewer's share of glass-to-glass: half its round trip and twice its jitter (its jitter
   * buffer); NaN before its first report that echoes a sender report.
   */
  double pathMillis() {
    double rtt = roundTripMillis;
    return rtt < 0 ? Double.NaN : rtt / 2 + 2 * jitterMillis;
  }

  /** Round trip to the viewer in ms; -1 before its first report that echoes a sender report. */
  double roundTripMillis() {
    return roundTripMillis;
  }

  double jitterMillis() {
    return jitterMillis;
  }

  double fractionLostPercent() {
    return fractionLostPercent;
  }

  private long nanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
