package dev.slipstream.media.sfu;

import dev.slipstream.media.decode.DecodeTapSettings;
import dev.slipstream.media.decode.FrameSink;
import dev.slipstream.media.decode.FrameTap;
import dev.slipstream.media.dtls.CertificateFingerprint;
import dev.slipstream.media.dtls.DtlsEndpoint;
import dev.slipstream.media.rtp.Rtcp;
import dev.slipstream.media.rtp.RtcpPacket;
import dev.slipstream.media.sdp.Candidate;
import dev.slipstream.media.sdp.IceCredentials;
import dev.slipstream.media.sdp.IceFragment;
import dev.slipstream.media.sdp.LocalTransport;
import dev.slipstream.media.sdp.Negotiation;
import dev.slipstream.media.sdp.SdpNegotiator;
import dev.slipstream.media.sdp.SendSsrcs;
import dev.slipstream.media.sdp.StreamCodecs;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamState;
import dev.slipstream.media.transport.IceMux;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFU: one UDP socket for every peer, one {@link LiveStream} per stream with a publisher, and a
 * timer thread for RTCP feedback and reconnect grace. Publisher changes (connect, leave, reconnect,
 * grace expiry) are serialised by one lock, because each of them both reads and changes which
 * publisher a stream has; packets never take it.
 */
final class DefaultMediaServer implements MediaServer {
  private static final Logger log = LoggerFactory.getLogger(DefaultMediaServer.class);
  private static final long FEEDBACK_PERIOD_MS = 50;
  private static final int REPORT_EVERY_TICKS = 20;

  private final StreamDirectory directory;
  private final List<IceMux> sockets;
  private final DtlsEndpoint dtls;
  private final SdpNegotiator sdp;
  private final List<Candidate> candidates;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Duration reconnectGrace;
  private final ScheduledExecutorService timer;
  private final Map<String, LiveStream> streams = new ConcurrentHashMap<>();
  private final Map<String, Runnable> publishers = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> graceTimers = new ConcurrentHashMap<>();
  private final Map<String, StreamCodecs> previousCodecs = new ConcurrentHashMap<>();
  private final Map<String, StreamMeters> meters = new ConcurrentHashMap<>();
  private final MeterRegistry registry;
  private final IceSessions ice;
  private final LiveStreamEvents events = new LiveStreamEvents();
  private final Object publisherLock = new Object();
  private long ticks;

  DefaultMediaServer(
      StreamDirectory directory,
      List<IceMux> sockets,
      DtlsEndpoint dtls,
      List<Candidate> candidates,
      MediaSettings settings,
      InstantSource clock,
      RandomGenerator random,
      MeterRegistry registry) {
    this.directory = directory;
    this.registry = registry;
    this.sockets = List.copyOf(sockets);
    this.dtls = dtls;
    this.sdp = SdpNegotiator.create(random);
    this.candidates = List.copyOf(candidates);
    this.ice = new IceSessions(this.candidates, sdp::newIceCredentials);
    this.clock = clock;
    this.random = random;
    this.reconnectGrace = settings.reconnectGrace();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "media-feedback"));
    timer.scheduleAtFixedRate(
        this::feedback, FEEDBACK_PERIOD_MS, FEEDBACK_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public SdpAnswer publish(String streamId, String publishKey, String offerSdp) {
    directory.authorizePublish(streamId, publishKey);
    synchronized (publisherLock) {
      requireNoPublisher(streamId);
      IceCredentials local = sdp.newIceCredentials();
      Negotiation negotiation = sdp.answerPublisher(offerSdp, localTransport(local));
      StreamCodecs codecs = StreamCodecs.of(negotiation);
      String sessionId = newSessionId();
      LiveStream stream = claimForPublisher(streamId, codecs);
      PublisherFeed feed = new PublisherFeed(sessionId, codecs, clock, stream::fanOut, false);
      PeerTransport peer =
          PeerTransport.open(
              sockets,
              dtls,
              iceFor(local, negotiation),
              fingerprints(negotiation),
              negotiation.dtlsRole(),
              "publisher " + sessionId,
              new PeerTransport.Listener() {
                @Override
                public void onReady() {
                  directory.moveTo(streamId, StreamState.LIVE);
                  log.info("stream {} is live (publisher session {})", streamId, sessionId);
                }

                @Override
                public void onRtp(byte[] packet, int length) {
                  feed.onRtp(packet, length);
                }

                @Override
                public void onRtcp(byte[] packet, int length) {
                  feed.onRtcp(packet, length);
                }

                @Override
                public void onGone(String reason) {
                  publisherGone(stream, feed, reason);
                }
              });
      feed.attach(
          new PublisherFeed.Uplink() {
            @Override
            public void sendRtcp(byte[] compound) {
              peer.sendRtcp(compound);
            }

            @Override
            public void requestKeyframe(long videoSsrc) {
              peer.sendRtcp(
                  Rtcp.write(
                      List.of(
                          new RtcpPacket.PictureLossIndication(
                              PublisherFeed.SFU_SSRC, videoSsrc))));
            }
          });
      publishers.put(sessionId, peer::close);
      ice.add(sessionId, streamId, true, peer, negotiation, local);
      stream.setPublisher(feed);
      track(stream);
      return new SdpAnswer(sessionId, negotiation.answerSdp(), ice.etag(streamId, sessionId));
    }
  }

  private void requireNoPublisher(String streamId) {
    LiveStream live = streams.get(streamId);
    if (live != null && live.publisher() != null) {
      throw new ConflictException(
          "stream_already_live",
          "stream " + streamId + " already has a publisher; stop it first (WHIP DELETE)");
    }
  }

  /**
   * Readies a stream for a new publisher sending {@code codecs}: a stream in its reconnect grace
   * keeps its viewers (unless the codecs changed, which they could not decode) and the grace ends.
   * Called holding the publisher lock, after everything that can refuse the publisher, so a refused
   * offer never cuts a grace short.
   */
  private LiveStream claimForPublisher(String streamId, StreamCodecs codecs) {
    LiveStream live = streams.get(streamId);
    StreamCodecs before = previousCodecs.put(streamId, codecs);
    if (live == null) {
      return new LiveStream(streamId, clock, this::viewerGone);
    }
    cancelGrace(streamId);
    if (before != null && !before.equals(codecs)) {
      live.viewers().forEach(v -> closeViewer(live, v.sessionId()));
    }
    return live;
  }

  @Override
  public LocalPublisher publishLocal(
      String streamId, String publishKey, StreamCodecs codecs, Runnable keyframeRequested) {
    directory.authorizePublish(streamId, publishKey);
    synchronized (publisherLock) {
      requireNoPublisher(streamId);
      LiveStream stream = claimForPublisher(streamId, codecs);
      String sessionId = newSessionId();
      PublisherFeed feed = new PublisherFeed(sessionId, codecs, clock, stream::fanOut, true);
      feed.attach(
          new PublisherFeed.Uplink() {
            @Override
            public void sendRtcp(byte[] compound) {
              // An in-process source loses nothing and needs no reports.
            }

            @Override
            public void requestKeyframe(long videoSsrc) {
              keyframeRequested.run();
            }
          });
      publishers.put(sessionId, () -> {});
      stream.setPublisher(feed);
      track(stream);
      directory.moveTo(streamId, StreamState.LIVE);
      log.info("stream {} is live (in-process publisher {})", streamId, sessionId);
      return new LocalPublisher() {
        @Override
        public void send(byte[] packet, int length) {
          feed.onRtp(java.util.Arrays.copyOf(packet, length), length);
        }

        @Override
        public String sessionId() {
          return sessionId;
        }

        @Override
        public void close() {
          synchronized (publisherLock) {
            if (stream.publisher() == feed) {
              closePublisher(stream, feed);
              endLive(stream);
            }
          }
        }
      };
    }
  }

  @Override
  public void unpublish(String streamId, String sessionId, String publishKey) {
    try {
      directory.authorizePublish(streamId, publishKey);
    } catch (ConflictException ended) {
      // An ended stream's publisher may still hang up cleanly.
    }
    synchronized (publisherLock) {
      LiveStream live = streams.get(streamId);
      PublisherFeed feed = live == null ? null : live.publisher();
      if (feed == null || !feed.sessionId().equals(sessionId)) {
        throw new NotFoundException(
            "session_not_found", "stream " + streamId + " has no publishing session " + sessionId);
      }
      closePublisher(live, feed);
      endLive(live);
    }
  }

  private void publisherGone(LiveStream live, PublisherFeed feed, String reason) {
    synchronized (publisherLock) {
      if (live.publisher() != feed) {
        return;
      }
      log.info(
          "stream {}: publisher {} gone ({}); waiting {} s for it to come back",
          live.streamId(),
          feed.sessionId(),
          reason,
          reconnectGrace.toSeconds());
      closePublisher(live, feed);
      graceTimers.put(
          live.streamId(),
          timer.schedule(
              () -> {
                synchronized (publisherLock) {
                  graceTimers.remove(live.streamId());
                  if (live.publisher() == null) {
                    endLive(live);
                  }
                }
              },
              reconnectGrace.toMillis(),
              TimeUnit.MILLISECONDS));
    }
  }

  private void closePublisher(LiveStream live, PublisherFeed feed) {
    live.setPublisher(null);
    ice.remove(feed.sessionId());
    Runnable disconnect = publishers.remove(feed.sessionId());
    if (disconnect != null) {
      disconnect.run();
    }
  }

  private void track(LiveStream stream) {
    if (streams.put(stream.streamId(), stream) == null) {
      meters.put(stream.streamId(), new StreamMeters(registry, stream));
      events.live(stream.streamId());
    }
  }

  @Override
  public void watchLiveStreams(LiveStreamWatcher watcher) {
    synchronized (publisherLock) {
      events.add(watcher, streams.keySet());
    }
  }

  /** Ends the live session: viewers are closed, the stream goes idle (unless it ended). */
  private void endLive(LiveStream live) {
    cancelGrace(live.streamId());
    if (streams.remove(live.streamId(), live)) {
      StreamMeters gauges = meters.remove(live.streamId());
      if (gauges != null) {
        gauges.close();
      }
      live.closeTaps();
      events.idle(live.streamId());
    }
    previousCodecs.remove(live.streamId());
    live.viewers().forEach(v -> closeViewer(live, v.sessionId()));
    live.closeTaps();
    try {
      directory.moveTo(live.streamId(), StreamState.IDLE);
    } catch (ConflictException ended) {
      log.debug("stream {} had already ended", live.streamId());
    }
    log.info("stream {} is idle", live.streamId());
  }

  private void cancelGrace(String streamId) {
    ScheduledFuture<?> grace = graceTimers.remove(streamId);
    if (grace != null) {
      grace.cancel(false);
    }
  }

  @Override
  public SdpAnswer play(String streamId, String offerSdp, String viewerAddress) {
    directory.get(streamId);
    LiveStream live = streams.get(streamId);
    PublisherFeed feed = live == null ? null : live.publisher();
    if (feed == null) {
      throw new ConflictException(
          "stream_not_live", "stream " + streamId + " has no publisher right now");
    }
    IceCredentials local = sdp.newIceCredentials();
    SendSsrcs ssrcs = new SendSsrcs(randomSsrc(), randomSsrc(), "slipstream-" + streamId, streamId);
    Negotiation negotiation =
        sdp.answerViewer(offerSdp, feed.codecs(), localTransport(local), ssrcs);
    String sessionId = newSessionId();
    ViewerSession viewer =
        new ViewerSession(sessionId, viewerAddress, negotiation, ssrcs, live, clock, random);
    PeerTransport peer =
        PeerTransport.open(
            sockets,
            dtls,
            iceFor(local, negotiation),
            fingerprints(negotiation),
            negotiation.dtlsRole(),
            "viewer " + sessionId,
            viewer);
    viewer.attach(peer);
    live.addViewer(viewer);
    ice.add(sessionId, streamId, false, peer, negotiation, local);
    return new SdpAnswer(sessionId, negotiation.answerSdp(), ice.etag(streamId, sessionId));
  }

  @Override
  public void stopPlaying(String streamId, String sessionId) {
    LiveStream live = streams.get(streamId);
    if (live == null || !closeViewer(live, sessionId)) {
      throw new NotFoundException(
          "session_not_found", "stream " + streamId + " has no viewing session " + sessionId);
    }
  }

  private void viewerGone(LiveStream live, ViewerSession viewer) {
    closeViewer(live, viewer.sessionId());
  }

  private boolean closeViewer(LiveStream live, String sessionId) {
    Optional<ViewerSession> viewer = live.removeViewer(sessionId);
    viewer.ifPresent(ViewerSession::close);
    ice.remove(sessionId);
    return viewer.isPresent();
  }

  @Override
  public Optional<ViewerClock> viewerClock(String streamId, String sessionId) {
    LiveStream live = streams.get(streamId);
    ViewerSession viewer = live == null ? null : live.viewer(sessionId).orElse(null);
    if (viewer == null) {
      throw new NotFoundException(
          "session_not_found", "stream " + streamId + " has no viewing session " + sessionId);
    }
    PublisherFeed feed = live.publisher();
    return viewer.clock(feed == null ? null : feed.mediaTimeZero());
  }

  @Override
  public Optional<IceRestart> patchIce(
      String streamId, String sessionId, @Nullable String publishKey, String fragment) {
    IceFragment parsed = IceFragment.parse(fragment);
    if (ice.isPublisher(streamId, sessionId)) {
      if (publishKey == null) {
        throw new UnauthorizedException(
            "invalid_publish_key", "send the stream's publish key as Authorization: Bearer <key>");
      }
      try {
        directory.authorizePublish(streamId, publishKey);
      } catch (ConflictException ended) {
        // An ended stream's publisher may still be reached; the key was right.
      }
    }
    return ice.patch(streamId, sessionId, parsed);
  }

  @Override
  public String iceEtag(String streamId, String sessionId) {
    return ice.etag(streamId, sessionId);
  }

  @Override
  public FrameTap tap(String streamId, DecodeTapSettings settings, FrameSink sink) {
    directory.get(streamId);
    synchronized (publisherLock) {
      LiveStream live = streams.get(streamId);
      if (live == null || live.publisher() == null) {
        throw new ConflictException(
            "stream_not_live", "stream " + streamId + " has no publisher right now");
      }
      return live.tap(settings, sink, clock);
    }
  }

  @Override
  public Optional<LiveStreamStats> stats(String streamId) {
    LiveStream live = streams.get(streamId);
    return live == null ? Optional.empty() : live.stats();
  }

  private void feedback() {
    boolean withReports = ++ticks % REPORT_EVERY_TICKS == 0;
    for (LiveStream live : streams.values()) {
      PublisherFeed feed = live.publisher();
      if (feed != null) {
        try {
          feed.sendFeedback(withReports);
          if (withReports) {
            live.viewers().forEach(viewer -> viewer.sendReports(feed));
          }
        } catch (RuntimeException e) {
          log.warn("stream {}: feedback failed: {}", live.streamId(), e.toString());
        }
      }
    }
  }

  private LocalTransport localTransport(IceCredentials local) {
    CertificateFingerprint ours = dtls.fingerprint();
    return LocalTransport.of(local, ours.algorithm(), ours.value(), candidates);
  }

  private static dev.slipstream.media.ice.IceCredentials iceFor(
      IceCredentials local, Negotiation negotiation) {
    return new dev.slipstream.media.ice.IceCredentials(
        local.ufrag(), local.pwd(), negotiation.remoteIceUfrag());
  }

  private static List<CertificateFingerprint> fingerprints(Negotiation negotiation) {
    return List.of(
        CertificateFingerprint.parse(
            negotiation.remoteFingerprintAlgorithm() + " " + negotiation.remoteFingerprintHex()));
  }

  private String newSessionId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private long randomSsrc() {
    return random.nextLong(1, 0xFFFF_FFFFL);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    synchronized (publisherLock) {
      for (LiveStream live : List.copyOf(streams.values())) {
        PublisherFeed feed = live.publisher();
        if (feed != null) {
          closePublisher(live, feed);
        }
        endLive(live);
      }
    }
    sockets.forEach(IceMux::close);
    events.close();
  }
}
