package dev.slipstream.bench.vision;

import dev.slipstream.vision.detect.BackgroundSubtractionDetector;
import dev.slipstream.vision.detect.BackgroundSubtractionSettings;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.pipeline.PipelineStats;
import dev.slipstream.vision.pipeline.StreamPipeline;
import dev.slipstream.vision.pose.blazepose.BlazePoseEstimator;
import dev.slipstream.vision.pose.blazepose.EstimatorSettings;
import dev.slipstream.vision.pose.blazepose.LandmarkModel;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.PipelineStage;
import dev.slipstream.wire.v1.StageTiming;
import dev.slipstream.wire.v1.TrackState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs a fresh pipeline (MOG2 → ByteTracker → BlazePose, when a model is given → kinematics →
 * events) over decoded frames, either paced at a frame rate as a live stream would offer them, or
 * as fast as it takes them (the next frame offered as soon as the last is out). Frames carry the
 * wall clock at which they were offered as their capture time, so capture-to-output latency
 * includes any wait in the mailbox. The first {@code warmUp} outputs (JIT, background model) are
 * not measured.
 */
final class PipelinePass {
  private final Homography calibration;
  private final @Nullable Homography sizing;
  private final int warmUp;
  private final @Nullable LandmarkModel pose;

  /**
   * Sets up passes over one view.
   *
   * @param calibration the view's calibration, for ground motion
   * @param sizing the calibration people are sized with in metres, or null to size them in pixels
   *     (a clip whose calibration is only nominal)
   */
  PipelinePass(
      Homography calibration,
      @Nullable Homography sizing,
      int warmUp,
      @Nullable LandmarkModel pose) {
    this.calibration = calibration;
    this.sizing = sizing;
    this.warmUp = warmUp;
    this.pose = pose;
  }

  /** Offers {@code frames} at {@code fps} (0: as fast as the pipeline takes them). */
  PassResult run(String name, List<VideoFrame> frames, double fps) throws InterruptedException {
    List<AnalyticsFrame> out = new CopyOnWriteArrayList<>();
    List<Long> outAtMicros = new CopyOnWriteArrayList<>();
    long started;
    long ended;
    PipelineStats stats;
    StreamPipeline.Builder builder =
        StreamPipeline.builder(
            "bench",
            new BackgroundSubtractionDetector(BackgroundSubtractionSettings.defaults(), sizing),
            calibration,
            f -> {
              out.add(f);
              outAtMicros.add(nowMicros());
            });
    if (pose != null) {
      EstimatorSettings defaults = EstimatorSettings.defaults();
      builder.pose(
          BlazePoseEstimator.create(
              new EstimatorSettings(
                  defaults.models(),
                  pose,
                  defaults.threads(),
                  defaults.minPresence(),
                  defaults.regionScale())));
    }
    try (StreamPipeline pipeline = builder.start()) {
      started = System.nanoTime();
      long intervalNanos = fps > 0 ? Math.round(1e9 / fps) : 0;
      for (int i = 0; i < frames.size(); i++) {
        VideoFrame frame = frames.get(i);
        if (fps > 0) {
          long due = started + i * intervalNanos;
          while (System.nanoTime() < due) {
            LockSupport.parkNanos(due - System.nanoTime());
          }
        }
        pipeline.offer(
            new VideoFrame(
                frame.mediaTimeMicros(), nowMicros(), frame.width(), frame.height(), frame.bgr()));
        if (fps == 0) {
          awaitDone(pipeline, i + 1);
        }
      }
      awaitDone(pipeline, frames.size());
      ended = System.nanoTime();
      stats = pipeline.stats();
    }
    return summarise(name, out, outAtMicros, stats, (ended - started) / 1e9);
  }

  private static void awaitDone(StreamPipeline pipeline, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      PipelineStats s = pipeline.stats();
      if (s.processed() + s.skippedTotal() >= count || System.nanoTime() > deadline) {
        return;
      }
      Thread.sleep(0, 200_000);
    }
  }

  private PassResult summarise(
      String name,
      List<AnalyticsFrame> out,
      List<Long> outAtMicros,
      PipelineStats stats,
      double seconds) {
    Map<PipelineStage, Histogram> stages = new EnumMap<>(PipelineStage.class);
    Histogram perFrame = histogram();
    Histogram latency = histogram();
    long people = 0;
    int measured = 0;
    for (int i = warmUp; i < out.size(); i++) {
      AnalyticsFrame frame = out.get(i);
      long total = 0;
      for (StageTiming timing : frame.getStageTimingsList()) {
        stages
            .computeIfAbsent(timing.getStage(), s -> histogram())
            .recordValue(timing.getDurationUs());
        total += timing.getDurationUs();
      }
      perFrame.recordValue(total);
      latency.recordValue(Math.max(0, outAtMicros.get(i) - frame.getCapturedAtUnixUs()));
      people +=
          frame.getTracksList().stream()
              .filter(t -> t.getState() == TrackState.TRACK_STATE_CONFIRMED)
              .count();
      measured++;
    }
    return new PassResult(
        name,
        stats.offered(),
        stats.processed(),
        stats.skippedTotal(),
        seconds,
        stages,
        perFrame,
        latency,
        measured == 0 ? 0 : people / (double) measured);
  }

  private static Histogram histogram() {
    return new Histogram(60_000_000L, 3);
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }
}
