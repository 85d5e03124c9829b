package dev.slipstream.vision.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.vision.detect.BackgroundSubtractionDetector;
import dev.slipstream.vision.detect.BackgroundSubtractionSettings;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.pose.blazepose.BlazePoseEstimator;
import dev.slipstream.vision.pose.blazepose.EstimatorSettings;
import dev.slipstream.vision.pose.blazepose.LandmarkModel;
import dev.slipstream.vision.scene.AthleteState;
import dev.slipstream.vision.scene.ScriptedJump;
import dev.slipstream.vision.scene.SyntheticTrackScene;
import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.Pose;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores jumps — and position with pose on — on the synthetic scene, with the whole pipeline: MOG2
 * → ByteTracker → BlazePose LITE on every confirmed athlete → kinematics → events, 30 s at 15 fps
 * (every frame processed), which holds both of the jumper's scripted jumps of the scene's first
 * period. At 22–26 px tall the athletes are too small for the pose's ankles to tell when the feet
 * leave the ground; the jumps are seen by the whole body lifting off its path on the frame ({@code
 * FeetLift}), and this checks pose and box together report each jump once and nothing else.
 *
 * <p>Tracks are matched to athletes as in {@link SyntheticSceneAccuracyTest} (the drawn body's box,
 * IoU at least 0.3). A jump is found when a jump event on a track matched to the jumper carries a
 * take-off time within 200 ms of the script's; any jump event on a track of another athlete is a
 * false jump.
 */
class SyntheticSceneJumpTest {
  private static final long FRAME_US = 1_000_000 / 15;
  private static final long WARM_UP_US = 2_000_000;
  private static final long SETTLED_US = 1_000_000;
  private static final long END_US = 30_000_000;
  private static final long TOLERANCE_US = 200_000;

  private static final SyntheticTrackScene SCENE = SyntheticTrackScene.create(7, 4);
  private static List<AnalyticsFrame> frames;
  private static final Map<Integer, Integer> athleteOfTrack = new HashMap<>();
  private static final List<Double> positionErrors = new ArrayList<>();
  private static int posedSamples;
  private static int trackedSamples;

  @BeforeAll
  static void runThePipelineWithPoseOverTheScene() {
    List<VideoFrame> input =
        LongStream.iterate(0, t -> t < END_US, t -> t + FRAME_US)
            .mapToObj(t -> SCENE.frame(t, t))
            .toList();
    EstimatorSettings defaults = EstimatorSettings.defaults();
    EstimatorSettings lite =
        new EstimatorSettings(
            defaults.models(),
            LandmarkModel.LITE,
            defaults.threads(),
            defaults.minPresence(),
            defaults.regionScale());
    frames =
        new LockstepRun()
            .run(
                out ->
                    StreamPipeline.builder(
                            "synthetic-pose",
                            new BackgroundSubtractionDetector(
                                BackgroundSubtractionSettings.defaults(), SCENE.calibration()),
                            SCENE.calibration(),
                            out)
                        .pose(BlazePoseEstimator.create(lite))
                        .start(),
                input);
    score();
  }

  private static void score() {
    Map<Integer, Long> firstSeen = new HashMap<>();
    for (AnalyticsFrame frame : frames) {
      long t = frame.getMediaTimeUs();
      for (Track track : frame.getTracksList()) {
        firstSeen.putIfAbsent(track.getTrackId(), t);
      }
      List<Integer> posed = frame.getPosesList().stream().map(Pose::getTrackId).toList();
      for (AthleteState athlete : SCENE.athletesAt(t)) {
        Track track = bestTrack(frame, athlete.box());
        if (track == null) {
          continue;
        }
        athleteOfTrack.putIfAbsent(track.getTrackId(), athlete.athlete());
        if (t < WARM_UP_US || !athlete.inView() || athlete.occluded()) {
          continue;
        }
        trackedSamples++;
        if (posed.contains(track.getTrackId())) {
          posedSamples++;
        }
        if (t - firstSeen.get(track.getTrackId()) >= SETTLED_US) {
          GroundPoint measured =
              new GroundPoint(track.getPositionM().getX(), track.getPositionM().getY());
          positionErrors.add(measured.distanceTo(athlete.position()));
        }
      }
    }
    System.out.printf(
        "synthetic with pose: frames=%d tracked athlete-frames=%d with a pose=%d (%.1f%%)"
            + " position median=%.3f m p90=%.3f m max=%.3f m%n",
        frames.size(),
        trackedSamples,
        posedSamples,
        100.0 * posedSamples / Math.max(1, trackedSamples),
        quantile(positionErrors, 0.5),
        quantile(positionErrors, 0.9),
        quantile(positionErrors, 1.0));
    for (AnalyticsEvent jump : jumpEvents()) {
      System.out.printf(
          "jump event: track %d (athlete %s) take-off %d ms, height %.2f m, flight %.0f ms%n",
          jump.getTrackId(),
          athleteOfTrack.get(jump.getTrackId()),
          jump.getMediaTimeUs() / 1000,
          jump.getJumpHeightM(),
          jump.getFlightTimeMs());
    }
  }

  private static List<AnalyticsEvent> jumpEvents() {
    return frames.stream()
        .flatMap(f -> f.getEventsList().stream())
        .filter(e -> e.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP)
        .toList();
  }

  private static Track bestTrack(AnalyticsFrame frame, PixelBox truth) {
    Track best = null;
    double bestOverlap = 0.3;
    for (Track track : frame.getTracksList()) {
      if (track.getState() != TrackState.TRACK_STATE_CONFIRMED) {
        continue;
      }
      PixelBox box =
          new PixelBox(
              track.getBbox().getX(),
              track.getBbox().getY(),
              track.getBbox().getWidth(),
              track.getBbox().getHeight());
      double overlap = box.intersectionOverUnion(truth);
      if (overlap >= bestOverlap) {
        best = track;
        bestOverlap = overlap;
      }
    }
    return best;
  }

  private static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }

  /** The scripted jumps the camera sees whole, from take-off to landing, after the warm-up. */
  private static List<ScriptedJump> visibleJumps() {
    return SCENE.jumps(WARM_UP_US + SETTLED_US, END_US - 1_000_000).stream()
        .filter(
            j ->
                SCENE.athletesAt(j.takeOffUs()).get(j.athlete()).inView()
                    && SCENE.athletesAt(j.landingUs()).get(j.athlete()).inView())
        .toList();
  }

  @Test
  void theJumperJumpsInViewDuringTheRun() {
    assertThat(visibleJumps()).as("scripted jumps in view").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyScriptedJumpIsReportedWithinTwoHundredMillisecondsOfTakeOff() {
    List<AnalyticsEvent> reported = jumpEvents();
    List<String> errors = new ArrayList<>();
    for (ScriptedJump jump : visibleJumps()) {
      long bestError =
          reported.stream()
              .filter(
                  e -> Integer.valueOf(jump.athlete()).equals(athleteOfTrack.get(e.getTrackId())))
              .mapToLong(e -> Math.abs(e.getMediaTimeUs() - jump.takeOffUs()))
              .min()
              .orElse(Long.MAX_VALUE);
      errors.add(
          "take-off "
              + jump.takeOffUs() / 1000
              + " ms: "
              + (bestError == Long.MAX_VALUE ? "not reported" : bestError / 1000 + " ms off"));
    }
    System.out.println("jump timing: " + errors);
    for (ScriptedJump jump : visibleJumps()) {
      assertThat(reported)
          .as(
              "jump of athlete %d taking off at %d us; %s",
              jump.athlete(), jump.takeOffUs(), errors)
          .anySatisfy(
              e -> {
                assertThat(athleteOfTrack.get(e.getTrackId())).isEqualTo(jump.athlete());
                assertThat(Math.abs(e.getMediaTimeUs() - jump.takeOffUs()))
                    .isLessThanOrEqualTo(TOLERANCE_US);
              });
    }
  }

  @Test
  void noJumpIsReportedForAthletesWhoOnlyRun() {
    List<Integer> jumpers =
        SCENE.jumps(0, END_US).stream().map(ScriptedJump::athlete).distinct().toList();
    assertThat(jumpEvents())
        .as("jump events on runners' tracks")
        .allSatisfy(e -> assertThat(jumpers).contains(athleteOfTrack.get(e.getTrackId())));
  }

  @Test
  void theJumperIsNotReportedJumpingWhenTheScriptHasNoJump() {
    List<ScriptedJump> truth = SCENE.jumps(0, END_US);
    assertThat(jumpEvents())
        .allSatisfy(
            e ->
                assertThat(truth)
                    .anySatisfy(
                        j ->
                            assertThat(Math.abs(e.getMediaTimeUs() - j.takeOffUs()))
                                .isLessThanOrEqualTo(TOLERANCE_US)));
  }

  @Test
  void medianPositionErrorWithPoseOnIsWithinThirtyCentimetres() {
    assertThat(quantile(positionErrors, 0.5)).isLessThanOrEqualTo(0.3);
  }

  @Test
  void theLiteModelFindsAPoseOnAtLeastTwoInFiveAthleteFramesInView() {
    // Measured 50-51 % with LITE (62 % with FULL); the floor catches a pose stage that stops
    // working, not the limit of 25-pixel athletes.
    assertThat(posedSamples)
        .as("athlete-frames with a pose, of %d", trackedSamples)
        .isGreaterThanOrEqualTo(trackedSamples * 2 / 5);
  }
}
