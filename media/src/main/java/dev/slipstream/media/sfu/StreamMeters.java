package dev.slipstream.media.sfu;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A live stream's figures as gauges tagged with its id ({@code slipstream_stream_*} on {@code
 * /metrics}), registered when the stream gets its first publisher and removed when it goes idle.
 * Each gauge reads one counter directly, so a scrape costs no more with many viewers.
 */
final class StreamMeters implements AutoCloseable {
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();

  StreamMeters(MeterRegistry registry, LiveStream live) {
    this.registry = registry;
    ingest(
        "slipstream.stream.ingest.bitrate",
        "kbit/s arriving from the publisher",
        live,
        IngestStats::bitrateKbps);
    ingest(
        "slipstream.stream.ingest.fps",
        "video frames per second arriving",
        live,
        IngestStats::framesPerSecond);
    ingest(
        "slipstream.stream.keyframe.interval",
        "ms between the last two keyframes",
        live,
        IngestStats::keyframeIntervalMillis);
    ingest(
        "slipstream.stream.packets.lost",
        "publisher packets never received",
        live,
        IngestStats::packetsLost);
    ingest(
        "slipstream.stream.nacks.sent",
        "retransmission requests sent to the publisher",
        live,
        IngestStats::nacksSent);
    ingest(
        "slipstream.stream.pli.sent",
        "keyframe requests sent to the publisher",
        live,
        IngestStats::pliSent);
    ingest(
        "slipstream.stream.ingest.delay",
        "ms from capture to arrival, from the publisher's sender reports (-1 unknown)",
        live,
        IngestStats::ingestDelayMillis);
    gauge(
        "slipstream.stream.glass.to.glass.estimate",
        "estimated ms from capture to display for the median viewer",
        live,
        LiveStream::estimatedGlassToGlassMs);
    gauge("slipstream.stream.viewers", "viewers watching", live, LiveStream::viewerCount);
    gauge(
        "slipstream.stream.viewer.packets.dropped",
        "packets dropped for slow viewers",
        live,
        LiveStream::packetsDroppedForViewers);
  }

  /** A gauge over the current publisher's ingest figures; 0 while the stream has none. */
  private void ingest(
      String name, String description, LiveStream live, ToDoubleFunction<IngestStats> value) {
    gauge(
        name,
        description,
        live,
        s -> {
          PublisherFeed feed = s.publisher();
          return feed == null ? 0 : value.applyAsDouble(feed.stats());
        });
  }

  private void gauge(
      String name, String description, LiveStream live, ToDoubleFunction<LiveStream> value) {
    meters.add(
        Gauge.builder(name, live, value)
            .description(description)
            .tag("stream", live.streamId())
            .strongReference(true)
            .register(registry));
  }

  @Override
  public void close() {
    meters.forEach(registry::remove);
  }
}
