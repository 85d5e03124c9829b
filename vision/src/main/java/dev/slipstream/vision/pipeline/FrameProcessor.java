package dev.slipstream.vision.pipeline;

import dev.slipstream.vision.analytics.AnalyticsFrames;
import dev.slipstream.vision.analytics.FrameAnalysis;
import dev.slipstream.vision.analytics.FrameAnalyzer;
import dev.slipstream.vision.analytics.FrameInput;
import dev.slipstream.vision.analytics.TrackAnalysis;
import dev.slipstream.vision.detect.Detector;
import dev.slipstream.vision.detect.FrameRejectedException;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.pose.PoseEstimator;
import dev.slipstream.vision.track.Detection;
import dev.slipstream.vision.track.TrackState;
import dev.slipstream.vision.track.TrackedObject;
import dev.slipstream.vision.track.TrackerUpdate;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.PipelineStage;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs the stages over one frame, synchronously: detect → track → pose (confirmed, matched tracks
 * only, when there is an estimator) → kinematics → events. A stage that fails ends the frame with a
 * {@link Skipped} outcome naming why; the stages keep their state and the next frame goes on. Used
 * by one thread.
 */
final class FrameProcessor implements AutoCloseable {
  /** What became of one frame. */
  sealed interface Outcome permits Processed, Skipped {}

  /** The frame was analysed into {@code frame}. */
  record Processed(AnalyticsFrame frame, int people) implements Outcome {}

  /** The frame was let go for {@code reason}; {@code detail} says more, for logs. */
  record Skipped(SkipReason reason, String detail) implements Outcome {}

  static final List<PipelineStage> STAGES =
      List.of(
          PipelineStage.PIPELINE_STAGE_DETECT,
          PipelineStage.PIPELINE_STAGE_TRACK,
          PipelineStage.PIPELINE_STAGE_POSE,
          PipelineStage.PIPELINE_STAGE_KINEMATICS,
          PipelineStage.PIPELINE_STAGE_EVENTS);

  private final String streamId;
  private final Detector detector;
  private final @Nullable PoseEstimator pose;
  private final FrameAnalyzer analyzer;
  private final StageTimer timer;
  private final InstantSource clock;
  private int width;
  private int height;
  private long lastMediaTimeUs = Long.MIN_VALUE;

  FrameProcessor(
      String streamId,
      Detector detector,
      @Nullable PoseEstimator pose,
      FrameAnalyzer analyzer,
      StageTimer timer,
      InstantSource clock) {
    this.streamId = streamId;
    this.detector = detector;
    this.pose = pose;
    this.analyzer = analyzer;
    this.timer = timer;
    this.clock = clock;
    detector.calibrate(analyzer.calibration());
  }

  void recalibrate(Homography calibration) {
    analyzer.recalibrate(calibration);
    detector.calibrate(calibration);
  }

  void setZones(List<Zone> zones) {
    analyzer.setZones(zones);
  }

  Outcome process(VideoFrame frame) {
    if (width == 0) {
      width = frame.width();
      height = frame.height();
    } else if (frame.width() != width || frame.height() != height) {
      return new Skipped(
          SkipReason.FRAME_SIZE_CHANGED,
          "frame is "
              + frame.width()
              + "×"
              + frame.height()
              + ", stream is "
              + width
              + "×"
              + height);
    }
    long now = frame.mediaTimeMicros();
    if (now <= lastMediaTimeUs) {
      return new Skipped(
          SkipReason.OUT_OF_ORDER, "media time " + now + " us after " + lastMediaTimeUs + " us");
    }
    timer.newFrame();
    List<Detection> detections;
    timer.start();
    try {
      detections = detector.detect(frame);
    } catch (FrameRejectedException e) {
      return new Skipped(SkipReason.of(e), e.getMessage());
    } catch (RuntimeException e) {
      return failed(SkipReason.DETECT_FAILED, e);
    }
    timer.stop(PipelineStage.PIPELINE_STAGE_DETECT);

    TrackerUpdate update;
    timer.start();
    try {
      update = analyzer.track(now, detections);
    } catch (RuntimeException e) {
      return failed(SkipReason.TRACK_FAILED, e);
    }
    lastMediaTimeUs = now;
    timer.stop(PipelineStage.PIPELINE_STAGE_TRACK);

    Map<Integer, Pose> poses;
    try {
      poses = poses(frame, update, detections);
    } catch (RuntimeException e) {
      return failed(SkipReason.POSE_FAILED, e);
    }

    List<TrackAnalysis> tracks;
    timer.start();
    try {
      tracks = analyzer.measure(update, new FrameInput(now, detections, poses));
    } catch (RuntimeException e) {
      return failed(SkipReason.KINEMATICS_FAILED, e);
    }
    timer.stop(PipelineStage.PIPELINE_STAGE_KINEMATICS);

    FrameAnalysis analysis;
    timer.start();
    try {
      analysis = analyzer.detectEvents(update, tracks);
    } catch (RuntimeException e) {
      return failed(SkipReason.EVENTS_FAILED, e);
    }
    timer.stop(PipelineStage.PIPELINE_STAGE_EVENTS);

    AnalyticsFrame out;
    try {
      out =
          AnalyticsFrames.toProto(streamId, analysis, width, height)
              .setCapturedAtUnixUs(frame.capturedAtUnixMicros())
              .setProcessedAtUnixUs(unixMicros(clock.instant()))
              .addAllStageTimings(timer.timings())
              .build();
    } catch (RuntimeException e) {
      return failed(SkipReason.OUTPUT_FAILED, e);
    }
    int people =
        (int) tracks.stream().filter(t -> t.track().state() == TrackState.CONFIRMED).count();
    return new Processed(out, people);
  }

  private Map<Integer, Pose> poses(
      VideoFrame frame, TrackerUpdate update, List<Detection> detections) {
    PoseEstimator estimator = pose;
    if (estimator == null) {
      return Map.of();
    }
    timer.start();
    Map<Integer, Pose> poses = new HashMap<>();
    for (TrackedObject track : update.tracks()) {
      if (track.state() == TrackState.CONFIRMED && track.isMatched()) {
        Optional<Pose> found =
            estimator.estimate(frame, detections.get(track.detectionIndex()).box());
        found.ifPresent(p -> poses.put(track.detectionIndex(), p));
      }
    }
    timer.stop(PipelineStage.PIPELINE_STAGE_POSE);
    return poses;
  }

  private static Skipped failed(SkipReason reason, RuntimeException e) {
    return new Skipped(reason, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  static long unixMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }

  /** Closes the detector and the pose estimator, which the pipeline owns. */
  @Override
  public void close() {
    try {
      detector.close();
    } finally {
      if (pose != null) {
        pose.close();
      }
    }
  }
}
