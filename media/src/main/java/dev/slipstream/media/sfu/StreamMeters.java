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
 */
final class StreamMeters implements AutoCloseable {
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();

  StreamMeters(MeterRegistry registry, LiveStream live) {
    this.registry = registry;
    gauge(
        "slipstream.stream.ingest.bitrate",
        "kbit/s arriving from the publisher",
        live,
        s -> s.stats().map(LiveStreamStats::ingestBitrateKbps).orElse(0L));
    gauge(
        "slipstream.stream.ingest.fps",
        "video frames per second arriving",
        live,
        s -> s.stats().map(LiveStreamStats::framesPerSecond).orElse(0.0));
    gauge(
        "slipstream.stream.keyframe.interval",
        "ms between the last two keyframes",
        live,
        s -> s.stats().map(LiveStreamStats::keyframeIntervalMs).orElse(0L));
    gauge(
        "slipstream.stream.packets.lost",
        "publisher packets never received",
        live,
        s -> s.stats().map(LiveStreamStats::packetsLost).orElse(0L));
    gauge(
        "slipstream.stream.nacks.sent",
        "retransmission requests sent to the publisher",
        live,
        s -> s.stats().map(LiveStreamStats::nacksSent).orElse(0L));
    gauge(
        "slipstream.stream.pli.sent",
        "keyframe requests sent to the publisher",
        live,
        s -> s.stats().map(LiveStreamStats::pliSent).orElse(0L));
    gauge("slipstream.stream.viewers", "viewers watching", live, s -> s.viewers().size());
    gauge(
        "slipstream.stream.viewer.packets.dropped",
        "packets dropped for slow viewers",
        live,
        s -> s.viewers().stream().mapToLong(v -> v.info().packetsDropped()).sum());
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
