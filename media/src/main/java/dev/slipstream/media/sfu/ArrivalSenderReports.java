package dev.slipstream.media.sfu;

import dev.slipstream.media.rtp.NtpTime;
import dev.slipstream.media.rtp.RtcpPacket;
import dev.slipstream.media.rtp.RtpPacket;
import dev.slipstream.media.sdp.MediaKind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sender reports for a publisher that sends none (an in-process source: the synthetic scene, a
 * file, RTMP or SRT through FFmpeg). Each source's first packet ties its RTP clock to the wall
 * clock at arrival; later reports follow the RTP clock from there, so viewers get the steady
 * RTP-to-wall-clock mapping they need for their statistics and to line audio up with video (to
 * within the difference between the two kinds' first arrivals).
 *
 * <p>Written on the socket thread, read by the feedback timer.
 */
final class ArrivalSenderReports {
  private record Anchor(long ssrc, long rtpTimestamp, int clockRate, Instant arrival) {}

  private record Latest(Anchor anchor, long rtpTimestamp) {}

  private final InstantSource clock;
  private final Map<MediaKind, Latest> latest = new ConcurrentHashMap<>();

  ArrivalSenderReports(InstantSource clock) {
    this.clock = clock;
  }

  void onPacket(MediaKind kind, RtpPacket packet, int clockRate) {
    Latest last = latest.get(kind);
    Anchor anchor =
        last != null && last.anchor().ssrc() == packet.ssrc()
            ? last.anchor()
            : new Anchor(packet.ssrc(), packet.timestamp(), clockRate, clock.instant());
    latest.put(kind, new Latest(anchor, packet.timestamp()));
  }

  /** Returns a report for the newest packet of a kind: its RTP timestamp and wall-clock time. */
  Optional<RtcpPacket.SenderReport> latest(MediaKind kind) {
    Latest last = latest.get(kind);
    if (last == null) {
      return Optional.empty();
    }
    Anchor anchor = last.anchor();
    int ticks = (int) (last.rtpTimestamp() - anchor.rtpTimestamp());
    Instant wallClock =
        anchor.arrival().plus(Duration.ofNanos(ticks * 1_000_000_000L / anchor.clockRate()));
    return Optional.of(
        new RtcpPacket.SenderReport(
            anchor.ssrc(), NtpTime.of(wallClock), last.rtpTimestamp(), 0, 0, List.of()));
  }
}
