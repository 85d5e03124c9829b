package dev.slipstream.gateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reads the figures of the operator's performance view out of the process's meters: each stream's
 * ingest (bitrate, fps, loss, viewers, glass-to-glass), its analytics pipeline (frames analysed and
 * let go, and each stage's mean, median and 99th percentile in ms), and the process's CPU and heap.
 * Counters are totals since start; a client that polls derives rates from two snapshots.
 */
final class PerformanceSnapshot {
  private PerformanceSnapshot() {}

  /** One pipeline stage of one stream. */
  record StageView(String stage, long count, double meanMs, double p50Ms, double p99Ms) {}

  /** One stream's figures; a figure is null when this process has no meter for it. */
  record StreamView(
      String streamId,
      @Nullable Double ingestBitrateKbps,
      @Nullable Double ingestFps,
      @Nullable Double packetsLost,
      @Nullable Double viewers,
      @Nullable Double glassToGlassMs,
      long framesProcessed,
      long framesSkipped,
      Map<String, Long> framesSkippedByReason,
      List<StageView> stages) {}

  /** The process: CPU use (0–1) of this process and the machine, and heap in bytes. */
  record ProcessView(
      @Nullable Double processCpu,
      @Nullable Double systemCpu,
      @Nullable Double heapUsedBytes,
      @Nullable Double heapMaxBytes) {}

  /** The whole answer. */
  record View(Instant at, ProcessView process, List<StreamView> streams) {}

  static View read(MeterRegistry meters, Instant at) {
    TreeMap<String, StreamBuilder> streams = new TreeMap<>();
    for (Gauge gauge : meters.find("slipstream.stream.ingest.bitrate").gauges()) {
      stream(streams, gauge.getId().getTag("stream")).bitrate = finite(gauge.value());
    }
    for (Gauge gauge : meters.find("slipstream.stream.ingest.fps").gauges()) {
      stream(streams, gauge.getId().getTag("stream")).fps = finite(gauge.value());
    }
    for (Gauge gauge : meters.find("slipstream.stream.packets.lost").gauges()) {
      stream(streams, gauge.getId().getTag("stream")).lost = finite(gauge.value());
    }
    for (Gauge gauge : meters.find("slipstream.stream.viewers").gauges()) {
      stream(streams, gauge.getId().getTag("stream")).viewers = finite(gauge.value());
    }
    for (Gauge gauge : meters.find("slipstream.stream.glass.to.glass.estimate").gauges()) {
      stream(streams, gauge.getId().getTag("stream")).glassToGlass = finite(gauge.value());
    }
    for (Counter counter : meters.find("vision.frames.processed").counters()) {
      stream(streams, counter.getId().getTag("stream")).processed += (long) counter.count();
    }
    for (Counter counter : meters.find("vision.frames.skipped").counters()) {
      StreamBuilder s = stream(streams, counter.getId().getTag("stream"));
      String reason = String.valueOf(counter.getId().getTag("reason"));
      s.skipped.merge(reason, (long) counter.count(), Long::sum);
    }
    for (Timer timer : meters.find("vision.stage").timers()) {
      stream(streams, timer.getId().getTag("stream")).stages.add(stage(timer));
    }
    List<StreamView> views = new ArrayList<>();
    streams.forEach((id, s) -> views.add(s.build(id)));
    return new View(at, process(meters), views);
  }

  private static StageView stage(Timer timer) {
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
      if (value.percentile() == 0.5) {
        p50 = value.value(TimeUnit.MILLISECONDS);
      } else if (value.percentile() == 0.99) {
        p99 = value.value(TimeUnit.MILLISECONDS);
      }
    }
    return new StageView(
        String.valueOf(timer.getId().getTag("stage")),
        timer.count(),
        round(timer.mean(TimeUnit.MILLISECONDS)),
        round(p50),
        round(p99));
  }

  private static ProcessView process(MeterRegistry meters) {
    Gauge processCpu = meters.find("process.cpu.usage").gauge();
    Gauge systemCpu = meters.find("system.cpu.usage").gauge();
    double used = 0;
    double max = 0;
    boolean anyHeap = false;
    for (Gauge gauge : meters.find("jvm.memory.used").tag("area", "heap").gauges()) {
      used += gauge.value();
      anyHeap = true;
    }
    for (Gauge gauge : meters.find("jvm.memory.max").tag("area", "heap").gauges()) {
      max += Math.max(0, gauge.value());
    }
    return new ProcessView(
        processCpu == null ? null : finite(processCpu.value()),
        systemCpu == null ? null : finite(systemCpu.value()),
        anyHeap ? used : null,
        anyHeap && max > 0 ? max : null);
  }

  private static StreamBuilder stream(Map<String, StreamBuilder> streams, @Nullable String id) {
    return streams.computeIfAbsent(id == null ? "unknown" : id, k -> new StreamBuilder());
  }

  private static @Nullable Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static double round(double ms) {
    return Double.isFinite(ms) ? Math.round(ms * 1000) / 1000.0 : 0;
  }

  /** Collects one stream's figures while the meters are walked. */
  private static final class StreamBuilder {
    @Nullable Double bitrate;
    @Nullable Double fps;
    @Nullable Double lost;
    @Nullable Double viewers;
    @Nullable Double glassToGlass;
    long processed;
    final Map<String, Long> skipped = new TreeMap<>();
    final List<StageView> stages = new ArrayList<>();

    StreamView build(String id) {
      long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
      return new StreamView(
          id, bitrate, fps, lost, viewers, glassToGlass, processed, skippedTotal, skipped, stages);
    }
  }
}
