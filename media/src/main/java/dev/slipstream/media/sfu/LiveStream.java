package dev.slipstream.media.sfu;

import dev.slipstream.media.rtp.RtpPacket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
  }

  /** Hands one publisher packet to every viewer; called on the socket thread. */
  void fanOut(ForwardedPacket packet) {
    for (ViewerSession viewer : viewers.values()) {
      viewer.offer(packet);
    }
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

  /** Returns the stream's figures; empty without a publisher. */
  Optional<LiveStreamStats> stats() {
    PublisherFeed feed = publisher;
    if (feed == null) {
      return Optional.empty();
    }
    IngestStats ingest = feed.stats();
    var video = feed.codecs().video();
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
            viewers.values().stream().map(ViewerSession::info).toList()));
  }
}
