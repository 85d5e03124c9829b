package dev.slipstream.vision.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.vision.detect.BackgroundSubtractionDetector;
import dev.slipstream.vision.detect.BackgroundSubtractionSettings;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.scene.AthleteState;
import dev.slipstream.vision.scene.ScriptedJump;
import dev.slipstream.vision.scene.SyntheticTrackScene;
import dev.slipstream.vision.scene.ZoneEntry;
import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
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
 * Scores the whole pipeline without pose — OpenCV MOG2 → ByteTracker → kinematics → events — on 30
 * s of the synthetic scene at 15 fps against its ground truth. Without pose, jumps are seen by the
 * body's box lifting off its path on the frame.
 *
 * <p>Each confirmed track is matched to the athlete whose drawn body its box overlaps most (IoU at
 * least 0.3). Speed and position are scored once a track is 1 s old (its motion settled), on
 * athletes wholly in view. The first 2 s are the background model's warm-up and are not scored.
 */
class SyntheticSceneAccuracyTest {
  private static final long FRAME_US = 1_000_000 / 15;
  private static final long WARM_UP_US = 2_000_000;
  private static final long SETTLED_US = 1_000_000;
  private static final long END_US = 30_000_000;

  private static final SyntheticTrackScene SCENE = SyntheticTrackScene.create(7, 4);
  private static List<AnalyticsFrame> frames;
  private static final List<Double> speedErrors = new ArrayList<>();
  private static final List<Double> positionErrors = new ArrayList<>();
  private static final Map<Integer, Integer> athleteOfTrack = new HashMap<>();
  private static int idSwitches;
  private static int scoredSamples;
  private static int missedSamples;

  @BeforeAll
  static void runThePipelineOverTheScene() {
    List<VideoFrame> input =
        LongStream.iterate(0, t -> t < END_US, t -> t + FRAME_US)
            .mapToObj(t -> SCENE.frame(t, t))
            .toList();
    frames =
        new LockstepRun()
            .run(
                out ->
                    StreamPipeline.builder(
                            "synthetic",
                            new BackgroundSubtractionDetector(
                                BackgroundSubtractionSettings.defaults(), SCENE.calibration()),
                            SCENE.calibration(),
                            out)
                        .zones(List.of(SCENE.zone()))
                        .start(),
                input);
    score();
  }

  private static void score() {
    Map<String, Integer> lastIdOfRun = new HashMap<>();
    Map<Integer, Long> firstSeen = new HashMap<>();
    for (AnalyticsFrame frame : frames) {
      long t = frame.getMediaTimeUs();
      for (Track track : frame.getTracksList()) {
        firstSeen.putIfAbsent(track.getTrackId(), t);
      }
      if (t < WARM_UP_US) {
        continue;
      }
      for (AthleteState athlete : SCENE.athletesAt(t)) {
        if (!athlete.inView()) {
          continue;
        }
        Track track = bestTrack(frame, athlete.box());
        if (athlete.occluded()) {
          continue;
        }
        scoredSamples++;
        if (track == null) {
          missedSamples++;
          continue;
        }
        athleteOfTrack.put(track.getTrackId(), athlete.athlete());
        String run = athlete.athlete() + "/" + athlete.lap();
        Integer previous = lastIdOfRun.put(run, track.getTrackId());
        if (previous != null && previous != track.getTrackId()) {
          idSwitches++;
        }
        if (t - firstSeen.get(track.getTrackId()) >= SETTLED_US) {
          speedErrors.add(Math.abs(track.getSpeedMps() - athlete.speedMps()) / athlete.speedMps());
          GroundPoint measured =
              new GroundPoint(track.getPositionM().getX(), track.getPositionM().getY());
          positionErrors.add(measured.distanceTo(athlete.position()));
        }
      }
    }
    System.out.printf(
        "synthetic accuracy: frames=%d scored=%d missed=%d speed median=%.2f%% p90=%.2f%%"
            + " position median=%.3f m p90=%.3f m max=%.3f m id switches=%d%n",
        frames.size(),
        scoredSamples,
        missedSamples,
        100 * quantile(speedErrors, 0.5),
        100 * quantile(speedErrors, 0.9),
        quantile(positionErrors, 0.5),
        quantile(positionErrors, 0.9),
        quantile(positionErrors, 1.0),
        idSwitches);
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
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }

  @Test
  void everyFrameIsAnalysedAndAthletesInViewAreTracked() {
    assertThat(frames).hasSize((int) (END_US / FRAME_US) + 1);
    assertThat(missedSamples).as("athlete-frames without a track").isLessThan(scoredSamples / 20);
  }

  @Test
  void medianSpeedErrorIsWithinFivePercent() {
    assertThat(quantile(speedErrors, 0.5)).isLessThanOrEqualTo(0.05);
  }

  @Test
  void positionErrorIsWithinThirtyCentimetresOnNineSamplesInTen() {
    assertThat(quantile(positionErrors, 0.9)).isLessThanOrEqualTo(0.3);
  }

  @Test
  void runnersInTheOpenKeepTheirTrackIdThroughEachLap() {
    assertThat(idSwitches).isZero();
  }

  @Test
  void everyScriptedJumpInViewIsReportedWithinTwoHundredMillisecondsAndNothingElse() {
    List<ScriptedJump> truth =
        SCENE.jumps(WARM_UP_US + SETTLED_US, END_US - 1_000_000).stream()
            .filter(
                j ->
                    SCENE.athletesAt(j.takeOffUs()).get(j.athlete()).inView()
                        && SCENE.athletesAt(j.landingUs()).get(j.athlete()).inView())
            .toList();
    List<AnalyticsEvent> jumps =
        frames.stream()
            .flatMap(f -> f.getEventsList().stream())
            .filter(e -> e.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP)
            .toList();
    assertThat(truth).hasSizeGreaterThanOrEqualTo(2);
    for (ScriptedJump jump : truth) {
      assertThat(jumps)
          .as("jump of athlete %d at %d us", jump.athlete(), jump.takeOffUs())
          .anySatisfy(
              e -> {
                assertThat(athleteOfTrack.get(e.getTrackId())).isEqualTo(jump.athlete());
                assertThat(Math.abs(e.getMediaTimeUs() - jump.takeOffUs()))
                    .isLessThanOrEqualTo(200_000);
              });
    }
    assertThat(jumps).as("jump events, one per scripted jump").hasSameSizeAs(truth);
  }

  @Test
  void everyScriptedZoneEntryIsReportedWithinTwoHundredMilliseconds() {
    List<ZoneEntry> truth = SCENE.zoneEntries(WARM_UP_US + SETTLED_US, END_US - 500_000);
    assertThat(truth).isNotEmpty();
    List<AnalyticsEvent> entered =
        frames.stream()
            .flatMap(f -> f.getEventsList().stream())
            .filter(e -> e.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY)
            .toList();
    for (ZoneEntry entry : truth) {
      assertThat(entered)
          .as("entry of athlete %d at %d us", entry.athlete(), entry.mediaTimeUs())
          .anySatisfy(
              e -> {
                assertThat(e.getZoneId()).isEqualTo(entry.zoneId());
                assertThat(athleteOfTrack.get(e.getTrackId())).isEqualTo(entry.athlete());
                assertThat(Math.abs(e.getMediaTimeUs() - entry.mediaTimeUs()))
                    .isLessThanOrEqualTo(200_000);
              });
    }
    System.out.printf(
        "zone entries: truth=%d reported=%d offsets(ms)=%s%n",
        truth.size(),
        entered.size(),
        entered.stream().map(e -> e.getMediaTimeUs() / 1000).toList());
  }
}
