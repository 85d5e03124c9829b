package dev.slipstream.media.sfu;

import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.InboundStreamTracker;
import dev.slipstream.media.rtp.KeyframeDetector;
import dev.slipstream.media.rtp.KeyframeStartTracker;
import dev.slipstream.media.rtp.NackPolicy;
import dev.slipstream.media.rtp.NtpTime;
import dev.slipstream.media.rtp.PacketCache;
import dev.slipstream.media.rtp.ReportBlock;
import dev.slipstream.media.rtp.Rtcp;
import dev.slipstream.media.rtp.RtcpPacket;
import dev.slipstream.media.rtp.RtpPacket;
import dev.slipstream.media.sdp.MediaKind;
import dev.slipstream.media.sdp.NegotiatedCodec;
import dev.slipstream.media.sdp.StreamCodecs;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The publishing side of a live stream: decrypted packets from the broadcaster are tracked, cached,
 * checked for keyframes and handed on to the stream's viewers; lost ones are NACKed, keyframes are
 * requested on the viewers' behalf, and receiver reports go back.
 *
 * <p>{@link #onRtp} and {@link #onRtcp} run on the socket thread; {@link #sendFeedback} on the
 * stream's timer thread. Per-source state is created on the socket thread and read by the timer
 * through a concurrent map; the trackers lock internally.
 */
final class PublisherFeed {
  /** The SSRC the SFU uses in its own RTCP towards the publisher. */
  static final long SFU_SSRC = 0x51F7_0001L;

  private final String sessionId;
  private final StreamCodecs codecs;
  private final InstantSource clock;
  private final Consumer<ForwardedPacket> fanOut;
  private final Map<Long, InboundMedia> sources = new ConcurrentHashMap<>();
  private final Map<MediaKind, RtcpPacket.SenderReport> lastSenderReports =
      new ConcurrentHashMap<>();
  private final DropCounts drops = new DropCounts();
  private final IngestStats stats;
  private final Instant since;
  private final MediaClock mediaClock;
  private final @Nullable ArrivalSenderReports arrivalReports;
  private volatile @Nullable Uplink uplink;

  /**
   * @param reportsFromArrival true for a sender that sends no RTCP (an in-process source): its
   *     sender reports are made from when its packets arrive
   */
  PublisherFeed(
      String sessionId,
      StreamCodecs codecs,
      InstantSource clock,
      Consumer<ForwardedPacket> fanOut,
      boolean reportsFromArrival) {
    this.arrivalReports = reportsFromArrival ? new ArrivalSenderReports(clock) : null;
    this.sessionId = sessionId;
    this.codecs = codecs;
    this.clock = clock;
    this.fanOut = fanOut;
    this.stats = new IngestStats(clock);
    this.since = clock.instant();
    this.mediaClock = new MediaClock(clock);
  }

  /** Returns media time zero of this publisher's video, once it has sent any. */
  MediaClock.@Nullable Zero mediaTimeZero() {
    return mediaClock.zero();
  }

  /** Where feedback to the publisher goes: RTCP over WebRTC, or a callback in this process. */
  interface Uplink {
    /** Sends an RTCP compound packet (NACKs, receiver reports) to the publisher. */
    void sendRtcp(byte[] compound);

    /** Asks the publisher for a keyframe on this video source. */
    void requestKeyframe(long videoSsrc);
  }

  void attach(Uplink uplink) {
    this.uplink = uplink;
  }

  String sessionId() {
    return sessionId;
  }

  StreamCodecs codecs() {
    return codecs;
  }

  Instant since() {
    return since;
  }

  IngestStats stats() {
    return stats;
  }

  void onRtp(byte[] data, int length) {
    Optional<RtpPacket> parsed = RtpPacket.parse(data, 0, length, drops);
    if (parsed.isEmpty()) {
      return;
    }
    RtpPacket packet = parsed.get();
    MediaKind kind = kindOf(packet.payloadType());
    if (kind == null) {
      stats.unknownPayloadType();
      return;
    }
    InboundMedia source = sources.computeIfAbsent(packet.ssrc(), ssrc -> newSource(kind, ssrc));
    source.tracker().onPacket(packet);
    source.cache().put(packet);
    boolean keyframeStart = source.keyframes().isKeyframeStart(packet);
    long mediaTime = 0;
    if (kind == MediaKind.VIDEO && codecs.video() != null) {
      mediaTime = mediaClock.observe(packet.ssrc(), packet.timestamp(), codecs.video().clockRate());
    }
    stats.onPacket(kind, length, packet.marker(), kind == MediaKind.VIDEO && keyframeStart);
    if (kind == MediaKind.VIDEO && packet.marker() && arrivalReports == null) {
      measureIngestDelay(packet);
    }
    if (arrivalReports != null) {
      NegotiatedCodec codec = kind == MediaKind.VIDEO ? codecs.video() : codecs.audio();
      if (codec != null) {
        arrivalReports.onPacket(kind, packet, codec.clockRate());
      }
    }
    fanOut.accept(new ForwardedPacket(kind, data, length, keyframeStart, mediaTime));
  }

  void onRtcp(byte[] data, int length) {
    Rtcp.parse(data, 0, length, drops)
        .ifPresent(
            packets -> {
              for (RtcpPacket packet : packets) {
                if (packet instanceof RtcpPacket.SenderReport report) {
                  InboundMedia source = sources.get(report.ssrc());
                  if (source != null) {
                    source.tracker().onSenderReport(report);
                    lastSenderReports.put(source.kind(), report);
                  }
                }
              }
            });
  }

  /**
   * Measures capture-to-arrival of the frame a packet ends: its capture time follows from the
   * publisher's last video sender report (NTP time at an RTP timestamp). Publishers whose clock is
   * more than 10 s from ours are not in step with it, and are not measured.
   */
  private void measureIngestDelay(RtpPacket packet) {
    RtcpPacket.SenderReport report = lastSenderReports.get(MediaKind.VIDEO);
    NegotiatedCodec video = codecs.video();
    if (report == null || video == null || report.ssrc() != packet.ssrc()) {
      return;
    }
    int ticks = (int) (packet.timestamp() - report.rtpTimestamp());
    Instant captured =
        NtpTime.toInstant(report.ntpTimestamp())
            .plusNanos(ticks * 1_000_000_000L / video.clockRate());
    double millis = Duration.between(captured, clock.instant()).toNanos() / 1e6;
    if (Math.abs(millis) < 10_000) {
      stats.ingestDelay(millis);
    }
  }

  /**
   * Returns the publisher's latest sender report for a kind of media: its NTP time and the RTP
   * timestamp that belongs to it, from which viewers' reports are derived.
   */
  Optional<RtcpPacket.SenderReport> lastSenderReport(MediaKind kind) {
    if (arrivalReports != null) {
      return arrivalReports.latest(kind);
    }
    return Optional.ofNullable(lastSenderReports.get(kind));
  }

  /** Asks the publisher for a keyframe on every video source it has sent. */
  void requestKeyframe() {
    Uplink up = uplink;
    if (up == null) {
      return;
    }
    for (InboundMedia source : sources.values()) {
      if (source.kind() == MediaKind.VIDEO) {
        up.requestKeyframe(source.ssrc());
        stats.countPli();
      }
    }
  }

  /** Sends due NACKs and, when {@code withReports}, receiver reports; called by the timer. */
  void sendFeedback(boolean withReports) {
    Uplink up = uplink;
    if (up == null) {
      return;
    }
    List<RtcpPacket> out = new ArrayList<>();
    List<ReportBlock> blocks = new ArrayList<>();
    for (InboundMedia source : sources.values()) {
      List<Integer> missing = source.tracker().nacksDue();
      if (!missing.isEmpty()) {
        out.add(new RtcpPacket.GenericNack(SFU_SSRC, source.ssrc(), missing));
        stats.countNacks(missing.size());
      }
      if (withReports) {
        source
            .tracker()
            .nextReportBlock()
            .ifPresent(
                block -> {
                  blocks.add(block);
                  stats.lossReported(source.ssrc(), block.cumulativeLost());
                });
      }
    }
    if (!blocks.isEmpty()) {
      out.addFirst(new RtcpPacket.ReceiverReport(SFU_SSRC, blocks));
    }
    if (!out.isEmpty()) {
      up.sendRtcp(Rtcp.write(out));
    }
  }

  /** Returns the cached packet of a source, for a viewer's NACK the viewer never received. */
  Optional<RtpPacket> cached(long ssrc, int sequence) {
    InboundMedia source = sources.get(ssrc);
    return source == null ? Optional.empty() : source.cache().get(sequence).map(c -> c.copy());
  }

  private @Nullable MediaKind kindOf(int payloadType) {
    NegotiatedCodec video = codecs.video();
    NegotiatedCodec audio = codecs.audio();
    if (video != null && video.payloadType() == payloadType) {
      return MediaKind.VIDEO;
    }
    if (audio != null && audio.payloadType() == payloadType) {
      return MediaKind.AUDIO;
    }
    return null;
  }

  private InboundMedia newSource(MediaKind kind, long ssrc) {
    NegotiatedCodec codec = kind == MediaKind.VIDEO ? codecs.video() : codecs.audio();
    if (codec == null) {
      throw new IllegalStateException("no " + kind + " codec negotiated");
    }
    KeyframeDetector detector =
        KeyframeDetector.forEncoding(codec.name()).orElse(KeyframeDetector.audio());
    return new InboundMedia(
        kind,
        ssrc,
        InboundStreamTracker.create(ssrc, codec.clockRate(), NackPolicy.defaults(), clock),
        PacketCache.create(kind == MediaKind.VIDEO ? 2048 : 256, Duration.ofSeconds(3), clock),
        new KeyframeStartTracker(detector));
  }
}
