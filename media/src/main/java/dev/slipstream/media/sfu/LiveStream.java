package dev.slipstream.media.sfu;

import dev.slipstream.media.decode.DecodeTap;
import dev.slipstream.media.decode.DecodeTapSettings;
import dev.slipstream.media.decode.FrameSink;
import dev.slipstream.media.decode.FrameTap;
import dev.slipstream.media.rtp.RtpPacket;
import dev.slipstream.media.sdp.MediaKind;
import dev.slipstream.media.sdp.NegotiatedCodec;
import dev.slipstream.platform.ConflictException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The owner of one stream while it has (or just had) a publisher: the publisher feed, the viewers,
 * and the fan-out between them. A publisher that vanishes leaves the stream here, with its viewers,
 * for the reconnect grace; a new publisher with the same codecs takes over and the viewers carry on
 * from its next keyframe.
 */
final class LiveStream implements ViewerSession.StreamLink {
  private final String streamId;
  private final KeyframeRequests keyframeRequests;
  private final BiConsumer<LiveStream, ViewerSession> onViewerGone;
  private final Map<String, ViewerSession> viewers = new ConcurrentHashMap<>();
  private final List<DecodeTap> taps = new CopyOnWriteArrayList<>();
  private volatile @Nullable PublisherFeed publisher;

  LiveStream(
      String streamId, InstantSource clock, BiConsumer<LiveStream, ViewerSession> onViewerGone) {
    this.streamId = streamId;
    this.keyframeRequests = new KeyframeRequests(clock, Duration.ofMillis(500));
    this.onViewerGone = onViewerGone;
  }

  String streamId() {
    return streamId;
  }

  @Nullable PublisherFeed publisher() {
    return publisher;
  }

  void setPublisher(@Nullable PublisherFeed feed) {
    this.publisher = feed;
    NegotiatedCodec video = feed == null ? null : feed.codecs().video();
    if (video != null) {
      taps.forEach(tap -> tap.publisherChanged(video.name()));
    }
  }

  /**
   * Hands one publisher packet to every viewer and every decode tap; called on the socket thread.
   */
  void fanOut(ForwardedPacket packet) {
    for (ViewerSession viewer : viewers.values()) {
      viewer.offer(packet);
    }
    if (packet.kind() == MediaKind.VIDEO) {
      for (DecodeTap tap : taps) {
        tap.offer(packet.data(), packet.length(), packet.mediaTimeMicros());
      }
    }
  }

  /** Starts decoding this stream's video into {@code sink}; the stream must have a publisher. */
  FrameTap tap(DecodeTapSettings settings, FrameSink sink, InstantSource clock) {
    PublisherFeed feed = publisher;
    NegotiatedCodec video = feed == null ? null : feed.codecs().video();
    if (video == null) {
      throw new ConflictException(
          "stream_has_no_video", "stream " + streamId + " has no video to decode");
    }
    DecodeTap tap =
        DecodeTap.start(streamId, video.name(), settings, sink, this::requestKeyframe, clock);
    taps.add(tap);
    taps.removeIf(DecodeTap::isClosed);
    return tap;
  }

  /** Closes every decode tap; their sinks hear the end. */
  void closeTaps() {
    taps.forEach(DecodeTap::close);
    taps.clear();
  }

  void addViewer(ViewerSession viewer) {
    viewers.put(viewer.sessionId(), viewer);
  }

  Optional<ViewerSession> removeViewer(String sessionId) {
    return Optional.ofNullable(viewers.remove(sessionId));
  }

  int viewerCount() {
    return viewers.size();
  }

  /** Returns the packets dropped for viewers that could not keep up, over all viewers. */
  long packetsDroppedForViewers() {
    return viewers.values().stream().mapToLong(ViewerSession::packetsDropped).sum();
  }

  List<ViewerSession> viewers() {
    return List.copyOf(viewers.values());
  }

  @Override
  public void requestKeyframe() {
    PublisherFeed feed = publisher;
    if (feed != null && keyframeRequests.tryAcquire()) {
      feed.requestKeyframe();
    }
  }

  @Override
  public Optional<RtpPacket> cachedPublisherPacket(long ssrc, int sequence) {
    PublisherFeed feed = publisher;
    return feed == null ? Optional.empty() : feed.cached(ssrc, sequence);
  }

  @Override
  public void viewerGone(ViewerSession viewer, String reason) {
    onViewerGone.accept(this, viewer);
  }

  /** Returns a viewer, if it is watching this stream. */
  Optional<ViewerSession> viewer(String sessionId) {
    return Optional.ofNullable(viewers.get(sessionId));
  }

  /** The estimate of {@link LiveStreamStats#estimatedGlassToGlassMs}; 0 without a publisher. */
  double estimatedGlassToGlassMs() {
    PublisherFeed feed = publisher;
    return feed == null ? 0 : estimatedGlassToGlassMs(feed.stats());
  }

  private double estimatedGlassToGlassMs(IngestStats ingest) {
    return LiveStreamStats.estimateGlassToGlass(
        ingest.ingestDelayMillis(),
        viewers.values().stream().mapToDouble(ViewerSession::pathMillis));
  }

  /** Returns the stream's figures; empty without a publisher. */
  Optional<LiveStreamStats> stats() {
    PublisherFeed feed = publisher;
    if (feed == null) {
      return Optional.empty();
    }
    IngestStats ingest = feed.stats();
    var video = feed.codecs().video();
    List<LiveStreamStats.ViewerInfo> viewerInfo =
        viewers.values().stream().map(ViewerSession::info).toList();
    return Optional.of(
        new LiveStreamStats(
            streamId,
            feed.since(),
            video == null ? "none" : video.name(),
            ingest.bitrateKbps(),
            ingest.framesPerSecond(),
            ingest.keyframeIntervalMillis(),
            ingest.packetsLost(),
            ingest.nacksSent(),
            ingest.pliSent(),
            ingest.ingestDelayMillis(),
            estimatedGlassToGlassMs(ingest),
            viewerInfo));
  }
}
