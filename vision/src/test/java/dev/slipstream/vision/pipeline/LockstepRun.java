package dev.slipstream.vision.pipeline;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.wire.v1.AnalyticsFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Feeds a pipeline one frame at a time, waiting until it has finished with each (processed or
 * skipped) before offering the next, so that no frame is superseded: the way to score accuracy on
 * every frame of a clip, independent of how fast the machine is.
 */
final class LockstepRun implements Consumer<AnalyticsFrame> {
  private final List<AnalyticsFrame> frames = new CopyOnWriteArrayList<>();
  private PipelineStats stats = new PipelineStats(0, 0, Map.of());

  @Override
  public void accept(AnalyticsFrame frame) {
    frames.add(frame);
  }

  /** Offers every frame to the pipeline built by {@code start} and returns its output in order. */
  List<AnalyticsFrame> run(
      Function<Consumer<AnalyticsFrame>, StreamPipeline> start, Iterable<VideoFrame> input) {
    try (StreamPipeline pipeline = start.apply(this)) {
      long finished = 0;
      for (VideoFrame frame : input) {
        pipeline.offer(frame);
        finished++;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (done(pipeline.stats()) < finished) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("pipeline did not finish a frame within 10 s");
          }
          Thread.onSpinWait();
          Thread.yield();
        }
      }
      stats = pipeline.stats();
      return new ArrayList<>(frames);
    }
  }

  /** Returns the pipeline's counts when the run ended. */
  PipelineStats stats() {
    return stats;
  }

  private static long done(PipelineStats stats) {
    return stats.processed() + stats.skippedTotal();
  }
}
