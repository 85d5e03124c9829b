package dev.slipstream.media.sfu;

import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.HeaderExtensionMap;
import dev.slipstream.media.rtp.OutboundStreamRewriter;
import dev.slipstream.media.rtp.ReportBlock;
import dev.slipstream.media.rtp.RewriteOutcome;
import dev.slipstream.media.rtp.Rtcp;
import dev.slipstream.media.rtp.RtcpPacket;
import dev.slipstream.media.rtp.RtpPacket;
import dev.slipstream.media.sdp.MediaKind;
import dev.slipstream.media.sdp.NegotiatedMedia;
import dev.slipstream.media.sdp.Negotiation;
import dev.slipstream.media.sdp.SendSsrcs;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One viewer of a live stream. Publisher packets are offered to a bounded queue without waiting;
 * the viewer's own virtual thread copies each one, rewrites it for this viewer (SSRC, payload type,
 * contiguous sequence numbers, starting on a keyframe), encrypts and sends it. A viewer that cannot
 * keep up loses its own packets (counted) and never slows the publisher or other viewers. NACKs are
 * answered from the ring of packets already sent; PLI and FIR become a (rate-limited) keyframe
 * request to the publisher.
 */
final class ViewerSession implements PeerTransport.Listener {
  private static final int QUEUE_CAPACITY = 512;
  private static final ForwardedPacket STOP =
      new ForwardedPacket(MediaKind.AUDIO, new byte[0], 0, false, 0);

  /** What a viewer needs from its stream. */
  interface StreamLink {
    void requestKeyframe();

    Optional<RtpPacket> cachedPublisherPacket(long ssrc, int sequence);

    void viewerGone(ViewerSession viewer, String reason);
  }

  private final String sessionId;
  private final String address;
  private final Instant since;
  private final SendSsrcs ssrcs;
  private final StreamLink stream;
  private final @Nullable OutboundStreamRewriter video;
  private final @Nullable OutboundStreamRewriter audio;
  private final BlockingQueue<ForwardedPacket> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final SentPacketRing sentVideo = new SentPacketRing();
  private final DropCounts drops = new DropCounts();
  private final HeaderExtensionMap noExtensions = HeaderExtensionMap.of(Map.of());
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong videoPackets = new AtomicLong();
  private final AtomicLong videoOctets = new AtomicLong();
  private final AtomicLong audioPackets = new AtomicLong();
  private final AtomicLong audioOctets = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong retransmitted = new AtomicLong();
  private final ViewerReception reception;
  private volatile @Nullable PeerTransport transport;
  private volatile boolean ready;

  ViewerSession(
      String sessionId,
      String address,
      Negotiation negotiation,
      SendSsrcs ssrcs,
      StreamLink stream,
      InstantSource clock,
      RandomGenerator random) {
    this.sessionId = sessionId;
    this.address = address;
    this.since = clock.instant();
    this.reception = new ViewerReception(clock);
    this.ssrcs = ssrcs;
    this.stream = stream;
    this.video =
        negotiation
            .media(MediaKind.VIDEO)
            .map(m -> rewriter(m, ssrcs.videoSsrc(), clock, random))
            .orElse(null);
    this.audio =
        negotiation
            .media(MediaKind.AUDIO)
            .map(m -> rewriter(m, ssrcs.audioSsrc(), clock, random))
            .orElse(null);
  }

  private static OutboundStreamRewriter rewriter(
      NegotiatedMedia media, long ssrc, InstantSource clock, RandomGenerator random) {
    return OutboundStreamRewriter.create(
        ssrc, media.codec().payloadType(), media.codec().clockRate(), clock, random);
  }

  void attach(PeerTransport transport) {
    this.transport = transport;
  }

  String sessionId() {
    return sessionId;
  }

  /** Offers a publisher packet without waiting; a full queue drops it for this viewer only. */
  void offer(ForwardedPacket packet) {
    if (ready && !queue.offer(packet)) {
      dropped.incrementAndGet();
    }
  }

  @Override
  public void onReady() {
    ready = true;
    Thread.ofVirtual().name("viewer-" + sessionId).start(this::sendLoop);
    stream.requestKeyframe();
  }

  private void sendLoop() {
    try {
      while (true) {
        ForwardedPacket packet = queue.take();
        if (packet == STOP) {
          return;
        }
        send(packet);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(ForwardedPacket packet) {
    OutboundStreamRewriter rewriter = packet.kind() == MediaKind.VIDEO ? video : audio;
    PeerTransport peer = transport;
    if (rewriter == null || peer == null) {
      return;
    }
    byte[] copy = new byte[packet.length() + PeerTransport.SRTP_SPARE];
    System.arraycopy(packet.data(), 0, copy, 0, packet.length());
    Optional<RtpPacket> parsed = RtpPacket.parse(copy, 0, packet.length(), drops);
    if (parsed.isEmpty()) {
      return;
    }
    RtpPacket rtp = parsed.get();
    RewriteOutcome outcome = rewriter.rewrite(rtp, packet.keyframeStart());
    switch (outcome) {
      case FORWARDED -> {
        rtp.remapExtensions(noExtensions);
        int sequence = rtp.sequenceNumber();
        int protectedLength = peer.sendRtp(copy, packet.length());
        if (protectedLength > 0) {
          sent.incrementAndGet();
          int payload = rtp.payloadLength();
          if (packet.kind() == MediaKind.VIDEO) {
            sentVideo.put(sequence, copy, protectedLength);
            videoPackets.incrementAndGet();
            videoOctets.addAndGet(payload);
          } else {
            audioPackets.incrementAndGet();
            audioOctets.addAndGet(payload);
          }
        }
      }
      case WAITING_FOR_KEYFRAME -> stream.requestKeyframe();
      case BEFORE_KEYFRAME, OTHER_SOURCE -> {}
    }
  }

  @Override
  public void onRtp(byte[] packet, int length) {
    // Viewers only receive; anything they send as RTP is ignored.
  }

  @Override
  public void onRtcp(byte[] data, int length) {
    Rtcp.parse(data, 0, length, drops)
        .ifPresent(
            packets -> {
              for (RtcpPacket packet : packets) {
                switch (packet) {
                  case RtcpPacket.GenericNack nack -> retransmit(nack);
                  case RtcpPacket.PictureLossIndication pli -> stream.requestKeyframe();
                  case RtcpPacket.FullIntraRequest fir -> stream.requestKeyframe();
                  case RtcpPacket.ReceiverReport report -> onReports(report.reports());
                  case RtcpPacket.SenderReport report -> onReports(report.reports());
                  default -> {}
                }
              }
            });
  }

  private void onReports(List<ReportBlock> blocks) {
    for (ReportBlock block : blocks) {
      if (block.ssrc() == ssrcs.videoSsrc()) {
        reception.onVideoReport(block);
      }
    }
  }

  private void retransmit(RtcpPacket.GenericNack nack) {
    PeerTransport peer = transport;
    if (peer == null || nack.mediaSsrc() != ssrcs.videoSsrc() || video == null) {
      return;
    }
    for (int sequence : nack.sequenceNumbers()) {
      Optional<byte[]> again = sentVideo.get(sequence);
      if (again.isPresent()) {
        if (peer.sendRaw(again.get(), again.get().length)) {
          retransmitted.incrementAndGet();
        }
        continue;
      }
      // Never sent (dropped from this viewer's queue): rebuild it from the publisher's cache.
      video
          .publisherSequence(sequence)
          .flatMap(p -> stream.cachedPublisherPacket(p.ssrc(), p.sequenceNumber()))
          .ifPresent(
              original -> {
                byte[] copy = new byte[original.length() + PeerTransport.SRTP_SPARE];
                RtpPacket rebuilt = original.copyInto(copy, 0);
                if (video.rewriteRetransmission(rebuilt, sequence)) {
                  rebuilt.remapExtensions(noExtensions);
                  int protectedLength = peer.sendRtp(copy, original.length());
                  if (protectedLength > 0) {
                    sentVideo.put(sequence, copy, protectedLength);
                    retransmitted.incrementAndGet();
                  }
                }
              });
    }
  }

  @Override
  public void onGone(String reason) {
    stream.viewerGone(this, reason);
  }

  /**
   * Sends this viewer a sender report per kind of media, so its browser can line audio up with
   * video: the publisher's latest report (NTP time and RTP timestamp) moved into this viewer's
   * timestamps, with this viewer's own packet and octet counts.
   */
  void sendReports(PublisherFeed feed) {
    PeerTransport peer = transport;
    if (peer == null || !ready) {
      return;
    }
    List<RtcpPacket> reports = new ArrayList<>();
    report(feed, MediaKind.VIDEO, video, ssrcs.videoSsrc(), videoPackets, videoOctets)
        .ifPresent(
            report -> {
              reports.add(report);
              reception.sentVideoReport(((RtcpPacket.SenderReport) report).ntpTimestamp());
            });
    report(feed, MediaKind.AUDIO, audio, ssrcs.audioSsrc(), audioPackets, audioOctets)
        .ifPresent(reports::add);
    if (!reports.isEmpty()) {
      reports.add(
          new RtcpPacket.SourceDescription(
              List.of(new RtcpPacket.SdesChunk(ssrcs.videoSsrc(), Optional.of(ssrcs.cname())))));
      peer.sendRtcp(Rtcp.write(reports));
    }
  }

  private static Optional<RtcpPacket> report(
      PublisherFeed feed,
      MediaKind kind,
      @Nullable OutboundStreamRewriter rewriter,
      long ssrc,
      AtomicLong packets,
      AtomicLong octets) {
    if (rewriter == null || packets.get() == 0) {
      return Optional.empty();
    }
    return feed.lastSenderReport(kind)
        .flatMap(
            publisher -> {
              OptionalLong timestamp =
                  rewriter.viewerTimestamp(publisher.ssrc(), publisher.rtpTimestamp());
              return timestamp.isPresent()
                  ? Optional.of(
                      new RtcpPacket.SenderReport(
                          ssrc,
                          publisher.ntpTimestamp(),
                          timestamp.getAsLong(),
                          packets.get() & 0xFFFF_FFFFL,
                          octets.get() & 0xFFFF_FFFFL,
                          List.of()))
                  : Optional.empty();
            });
  }

  /** Returns this viewer's mapping to media time, once it has been sent video. */
  Optional<ViewerClock> clock(MediaClock.@Nullable Zero zero) {
    if (zero == null || video == null) {
      return Optional.empty();
    }
    OptionalLong atZero = video.viewerTimestamp(zero.ssrc(), zero.rtpTimestamp());
    return atZero.isPresent()
        ? Optional.of(new ViewerClock(zero.clockRate(), atZero.getAsLong(), zero.wallClock()))
        : Optional.empty();
  }

  /** This viewer's share of the stream's estimated glass-to-glass, ms; NaN while unknown. */
  double pathMillis() {
    return reception.pathMillis();
  }

  long packetsDropped() {
    return dropped.get();
  }

  /** Returns what the operator console shows about this viewer. */
  LiveStreamStats.ViewerInfo info() {
    return new LiveStreamStats.ViewerInfo(
        sessionId,
        address,
        since,
        sent.get(),
        dropped.get(),
        retransmitted.get(),
        reception.roundTripMillis(),
        reception.jitterMillis(),
        reception.fractionLostPercent());
  }

  /** Stops the sender thread and closes the transport. */
  void close() {
    ready = false;
    queue.clear();
    queue.offer(STOP);
    PeerTransport peer = transport;
    if (peer != null) {
      peer.close();
    }
  }
}
