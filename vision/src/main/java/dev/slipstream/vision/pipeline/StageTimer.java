package dev.slipstream.vision.pipeline;

import dev.slipstream.wire.v1.PipelineStage;
import dev.slipstream.wire.v1.StageTiming;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Times the stages of one frame with {@link System#nanoTime()} and records each duration twice: in
 * the frame's {@code stage_timings} and, when a registry is given, in the Micrometer timer {@code
 * vision.stage} tagged with the stream and the stage. Used by the pipeline thread only.
 */
final class StageTimer {
  private final Map<PipelineStage, Timer> timers = new EnumMap<>(PipelineStage.class);
  private final List<StageTiming> frame = new ArrayList<>();
  private long startedNanos;

  StageTimer(String streamId, @Nullable MeterRegistry meters, List<PipelineStage> stages) {
    if (meters != null) {
      for (PipelineStage stage : stages) {
        timers.put(
            stage,
            Timer.builder("vision.stage")
                .description("time one pipeline stage took on one frame")
                .tag("stream", streamId)
                .tag("stage", label(stage))
                .publishPercentiles(0.5, 0.99)
                .register(meters));
      }
    }
  }

  /** Starts a new frame: forgets the last frame's timings. */
  void newFrame() {
    frame.clear();
  }

  /** Starts timing a stage. */
  void start() {
    startedNanos = System.nanoTime();
  }

  /** Ends the stage started last and records it as {@code stage}. */
  void stop(PipelineStage stage) {
    long nanos = System.nanoTime() - startedNanos;
    frame.add(
        StageTiming.newBuilder().setStage(stage).setDurationUs(Math.round(nanos / 1e3)).build());
    Timer timer = timers.get(stage);
    if (timer != null) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Returns the timings of the frame so far. */
  List<StageTiming> timings() {
    return List.copyOf(frame);
  }

  static String label(PipelineStage stage) {
    return stage.name().substring("PIPELINE_STAGE_".length()).toLowerCase(Locale.ROOT);
  }
}
