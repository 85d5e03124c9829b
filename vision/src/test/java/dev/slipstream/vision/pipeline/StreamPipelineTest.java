package dev.slipstream.vision.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.pose.PoseEstimator;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.PipelineStage;
import dev.slipstream.wire.v1.StageTiming;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamPipelineTest {
  private static final long FRAME_US = 100_000;

  /** A flat view seen from straight above: {@code metresPerPixel} both ways, origin top-left. */
  private static Homography metresPerPixel(double metresPerPixel) {
    return Homography.fit(
        List.of(
            new CalibrationPoint(new PixelPoint(0, 0), new GroundPoint(0, 0)),
            new CalibrationPoint(new PixelPoint(100, 0), new GroundPoint(100 * metresPerPixel, 0)),
            new CalibrationPoint(new PixelPoint(0, 100), new GroundPoint(0, 100 * metresPerPixel)),
            new CalibrationPoint(
                new PixelPoint(100, 100),
                new GroundPoint(100 * metresPerPixel, 100 * metresPerPixel))));
  }

  private static VideoFrame frame(long mediaTimeUs) {
    return new VideoFrame(
        mediaTimeUs, 1_700_000_000_000_000L + mediaTimeUs, 64, 48, new byte[64 * 48 * 3]);
  }

  private static List<VideoFrame> frames(int count) {
    return LongStream.range(0, count).mapToObj(i -> frame(i * FRAME_US)).toList();
  }

  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.ofEpochSecond(1_800_000_000));

  @Test
  void everyProcessedFrameComesOutWithItsTimesSizeAndStageTimings() {
    ScriptedDetector detector = new ScriptedDetector(0, Set.of(), Set.of());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    List<AnalyticsFrame> out =
        new LockstepRun()
            .run(
                o ->
                    StreamPipeline.builder("s1", detector, metresPerPixel(0.1), o)
                        .meters(meters)
                        .clock(CLOCK)
                        .start(),
                frames(10));

    assertThat(out).hasSize(10);
    AnalyticsFrame last = out.get(9);
    assertThat(last.getStreamId()).isEqualTo("s1");
    assertThat(last.getFrameIndex()).isEqualTo(9);
    assertThat(last.getMediaTimeUs()).isEqualTo(900_000);
    assertThat(last.getCapturedAtUnixUs()).isEqualTo(1_700_000_000_900_000L);
    assertThat(last.getProcessedAtUnixUs()).isEqualTo(1_800_000_000_000_000L);
    assertThat(last.getFrameWidth()).isEqualTo(64);
    assertThat(last.getFrameHeight()).isEqualTo(48);
    // No pose estimator: no pose stage.
    assertThat(last.getStageTimingsList())
        .extracting(StageTiming::getStage)
        .containsExactly(
            PipelineStage.PIPELINE_STAGE_DETECT,
            PipelineStage.PIPELINE_STAGE_TRACK,
            PipelineStage.PIPELINE_STAGE_KINEMATICS,
            PipelineStage.PIPELINE_STAGE_EVENTS);
    // The person walks 10 px (1 m) a frame of 0.1 s: 10 m/s, confirmed after 3 frames.
    assertThat(last.getTracksList()).hasSize(1);
    assertThat(last.getTracks(0).getSpeedMps()).isCloseTo(10f, within(0.2f));
    assertThat(meters.get("vision.stage").tag("stage", "detect").timer().count()).isEqualTo(10);
    assertThat(meters.get("vision.frames.processed").counter().count()).isEqualTo(10);
  }

  @Test
  void aSlowPipelineSkipsFramesInsteadOfFallingBehind() throws Exception {
    // 30 ms a frame, offered every 5 ms: it can do about one in six.
    ScriptedDetector detector = new ScriptedDetector(30, Set.of(), Set.of());
    List<AnalyticsFrame> out = new CopyOnWriteArrayList<>();
    List<Long> offerNanos = new ArrayList<>();
    try (StreamPipeline pipeline =
        StreamPipeline.builder("s1", detector, metresPerPixel(0.1), out::add).start()) {
      for (VideoFrame frame : frames(60)) {
        long before = System.nanoTime();
        assertThat(pipeline.offer(frame)).isTrue();
        offerNanos.add(System.nanoTime() - before);
        Thread.sleep(5);
      }
      Thread.sleep(100);
      PipelineStats stats = pipeline.stats();
      assertThat(stats.offered()).isEqualTo(60);
      assertThat(stats.skipped(SkipReason.SUPERSEDED)).isGreaterThan(30);
      assertThat(stats.processed() + stats.skipped(SkipReason.SUPERSEDED)).isEqualTo(60);
    }
    assertThat(Collections.max(offerNanos))
        .as("offer never waits for the worker")
        .isLessThan(20_000_000);
    // What comes out is in media-time order and always the newest frame at the time: the last
    // frame offered is processed.
    assertThat(out).extracting(AnalyticsFrame::getMediaTimeUs).isSorted();
    assertThat(out.get(out.size() - 1).getMediaTimeUs()).isEqualTo(59 * FRAME_US);
  }

  @Test
  void aFrameAStageFailsOnIsSkippedWithACountedReasonAndTheStreamGoesOn() {
    ScriptedDetector detector = new ScriptedDetector(0, Set.of(3 * FRAME_US), Set.of(5 * FRAME_US));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AtomicInteger outputCalls = new AtomicInteger();
    List<VideoFrame> input = new ArrayList<>(frames(8));
    input.add(new VideoFrame(9 * FRAME_US, 0, 32, 24, new byte[32 * 24 * 3]));
    input.add(frame(7 * FRAME_US));
    input.add(frame(10 * FRAME_US));
    LockstepRun run = new LockstepRun();
    List<AnalyticsFrame> out =
        run.run(
            o ->
                StreamPipeline.builder(
                        "s1",
                        detector,
                        metresPerPixel(0.1),
                        f -> {
                          if (outputCalls.incrementAndGet() == 3) {
                            throw new IllegalStateException("bus down");
                          }
                          o.accept(f);
                        })
                    .meters(meters)
                    .start(),
            input);

    // Frame 2's output failed, 3 failed detection, 5 flooded, the 32×24 frame and the late
    // repeat of frame 7 were refused; frame 10 still came through.
    assertThat(out)
        .extracting(AnalyticsFrame::getMediaTimeUs)
        .containsExactly(0L, 100_000L, 400_000L, 600_000L, 700_000L, 1_000_000L);
    PipelineStats stats = run.stats();
    assertThat(stats.offered()).isEqualTo(11);
    assertThat(stats.processed()).isEqualTo(6);
    assertThat(stats.skipped(SkipReason.OUTPUT_FAILED)).isEqualTo(1);
    assertThat(stats.skipped(SkipReason.DETECT_FAILED)).isEqualTo(1);
    assertThat(stats.skipped(SkipReason.FOREGROUND_FLOOD)).isEqualTo(1);
    assertThat(stats.skipped(SkipReason.FRAME_SIZE_CHANGED)).isEqualTo(1);
    assertThat(stats.skipped(SkipReason.OUT_OF_ORDER)).isEqualTo(1);
    assertThat(stats.skippedTotal()).isEqualTo(5);
    assertThat(meters.get("vision.frames.skipped").tag("reason", "detect_failed").counter().count())
        .isEqualTo(1);
    assertThat(detector.seen).doesNotContain(9 * FRAME_US);
  }

  @Test
  void poseRunsOnConfirmedTracksOnlyAndComesOutWithThem() {
    ScriptedDetector detector = new ScriptedDetector(0, Set.of(), Set.of());
    List<PixelBox> asked = new CopyOnWriteArrayList<>();
    PoseEstimator pose =
        new PoseEstimator() {
          @Override
          public Optional<Pose> estimate(VideoFrame frame, PixelBox box) {
            asked.add(box);
            List<Keypoint> points = new ArrayList<>();
            for (int i = 0; i < Pose.LANDMARKS; i++) {
              points.add(new Keypoint(box.centreX(), box.y() + i * box.height() / 33, 0, 0.9));
            }
            return Optional.of(new Pose(points, 0.8));
          }

          @Override
          public String name() {
            return "fake";
          }

          @Override
          public void close() {}
        };
    List<AnalyticsFrame> out =
        new LockstepRun()
            .run(
                o ->
                    StreamPipeline.builder("s1", detector, metresPerPixel(0.1), o)
                        .pose(pose)
                        .start(),
                frames(5));
    // Confirmed on the third frame: poses on frames 3, 4 and 5.
    assertThat(asked).hasSize(3);
    assertThat(out.get(1).getPosesList()).isEmpty();
    assertThat(out.get(4).getPosesList()).hasSize(1);
    assertThat(out.get(4).getStageTimingsList())
        .extracting(StageTiming::getStage)
        .contains(PipelineStage.PIPELINE_STAGE_POSE);
  }

  @Test
  void calibrationAndZonesChangeWhileRunning() throws Exception {
    ScriptedDetector detector = new ScriptedDetector(0, Set.of(), Set.of());
    List<AnalyticsFrame> out = new CopyOnWriteArrayList<>();
    try (StreamPipeline pipeline =
        StreamPipeline.builder("s1", detector, metresPerPixel(0.1), out::add).start()) {
      for (VideoFrame f : frames(10)) {
        offerAndWait(pipeline, out, f);
      }
      pipeline.recalibrate(metresPerPixel(0.2));
      pipeline.setZones(
          List.of(
              new Zone(
                  "ahead",
                  List.of(
                      new GroundPoint(70, 0),
                      new GroundPoint(90, 0),
                      new GroundPoint(90, 20),
                      new GroundPoint(70, 20)))));
      for (long i = 10; i < 40; i++) {
        offerAndWait(pipeline, out, frame(i * FRAME_US));
      }
    }
    // Twice the metres per pixel: the same walk now reads 20 m/s and the feet 2 x further.
    AnalyticsFrame last = out.get(out.size() - 1);
    assertThat(last.getTracks(0).getSpeedMps()).isCloseTo(20f, within(0.5f));
    assertThat(last.getTracks(0).getTrackId()).isEqualTo(out.get(9).getTracks(0).getTrackId());
    assertThat(out.stream().flatMap(f -> f.getEventsList().stream()))
        .anySatisfy(e -> assertThat(e.getZoneId()).isEqualTo("ahead"));
    assertThat(detector.calibrations).hasSize(2);
  }

  private static void offerAndWait(
      StreamPipeline pipeline, List<AnalyticsFrame> out, VideoFrame frame) throws Exception {
    int before = out.size();
    pipeline.offer(frame);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (out.size() == before && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  @Test
  void zonesWithTheSameIdAreRefused() {
    ScriptedDetector detector = new ScriptedDetector(0, Set.of(), Set.of());
    Zone zone =
        new Zone("a", List.of(new GroundPoint(0, 0), new GroundPoint(1, 0), new GroundPoint(0, 1)));
    try (StreamPipeline pipeline =
        StreamPipeline.builder("s1", detector, metresPerPixel(0.1), f -> {}).start()) {
      assertThatThrownBy(() -> pipeline.setZones(List.of(zone, zone)))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.code()).isEqualTo("zone_duplicate_id"));
    }
  }

  @Test
  void closeStopsTheThreadAndClosesTheDetector() throws Exception {
    ScriptedDetector detector = new ScriptedDetector(0, Set.of(), Set.of());
    List<AnalyticsFrame> out = new CopyOnWriteArrayList<>();
    StreamPipeline pipeline =
        StreamPipeline.builder("s1", detector, metresPerPixel(0.1), out::add).start();
    offerAndWait(pipeline, out, frame(0));
    Thread worker = detector.thread;
    pipeline.close();

    assertThat(worker.isAlive()).isFalse();
    assertThat(detector.closed).isTrue();
    assertThat(pipeline.offer(frame(FRAME_US))).isFalse();
    assertThat(pipeline.stats().offered()).isEqualTo(1);
  }
}
