package dev.slipstream.vision.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.kinematics.GaitAnalyzer;
import dev.slipstream.vision.kinematics.GaitSettings;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.kinematics.MotionEstimate;
import dev.slipstream.vision.scene.PinholeCamera;
import dev.slipstream.vision.scene.Runner;
import dev.slipstream.vision.scene.SyntheticAthlete;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackEventsTest {
  private static final Zone BOX =
      new Zone(
          "box",
          List.of(
              new GroundPoint(45, 0), new GroundPoint(55, 0),
              new GroundPoint(55, 8), new GroundPoint(45, 8)));

  @Test
  void aRunnerCrossingAZoneEntersAndLeavesItOnceEachWithin200MsOfTheTrueTimes() {
    // At 3 m/s from x = 38, the runner crosses x = 45 at 2.333 s and x = 55 at 5.667 s.
    Runner runner = Runner.straight("runner", new GroundPoint(38, 3), 3.0, 0);
    for (long seed = 1; seed <= 5; seed++) {
      List<VisionEvent> events = detect(FilmedMotion.of(runner, 7_500_000, seed), List.of(BOX));

      assertThat(events).as("seed %d", seed).hasSize(2);
      assertThat(events.get(0)).isInstanceOf(ZoneEntered.class);
      assertThat(events.get(0).mediaTimeUs()).isCloseTo(2_333_333, within(200_000L));
      assertThat(events.get(1)).isInstanceOf(ZoneExited.class);
      assertThat(events.get(1).mediaTimeUs()).isCloseTo(5_666_667, within(200_000L));
    }
  }

  @Test
  void someoneShufflingAlongAZonesEdgeDoesNotFlapInAndOut() {
    // Up and down the edge at x = 45, never more than 15 cm either side of it.
    Runner shuffler =
        new Runner(
            "shuffler",
            t -> new GroundPoint(45 + 0.15 * Math.sin(t / 1e6 * 2), 2 + 0.5 * (t / 1e6)),
            1.8);

    List<VisionEvent> events = detect(FilmedMotion.of(shuffler, 10_000_000, 4), List.of(BOX));

    assertThat(events).isEmpty();
  }

  @Test
  void aSprintStartsAndStopsOnceThroughNoisySpeeds() {
    // 3 m/s, then 3 m/s² up to 9 m/s (crossing 7 m/s at 2.333 s), held for 1 s, then 2.5 m/s²
    // down to 4 m/s (crossing 5.5 m/s at 5.4 s); 37 m in front of the camera.
    Runner sprinter =
        new Runner(
            "sprinter",
            t -> {
              double s = t / 1e6;
              double x;
              if (s < 1) {
                x = 3 * s;
              } else if (s < 3) {
                x = 3 + 3 * (s - 1) + 1.5 * (s - 1) * (s - 1);
              } else if (s < 4) {
                x = 15 + 9 * (s - 3);
              } else if (s < 6) {
                x = 24 + 9 * (s - 4) - 1.25 * (s - 4) * (s - 4);
              } else {
                x = 37 + 4 * (s - 6);
              }
              return new GroundPoint(31 + x, 3);
            },
            1.8);
    for (long seed = 1; seed <= 5; seed++) {
      List<VisionEvent> events = detect(FilmedMotion.of(sprinter, 6_500_000, seed), List.of());

      assertThat(events).as("seed %d", seed).hasSize(2);
      assertThat(events.get(0)).isInstanceOf(SprintStarted.class);
      assertThat(events.get(0).mediaTimeUs()).isCloseTo(2_333_333, within(200_000L));
      assertThat(events.get(0).speedMps()).isGreaterThanOrEqualTo(7.0);
      assertThat(events.get(1)).isInstanceOf(SprintStopped.class);
      assertThat(events.get(1).mediaTimeUs()).isCloseTo(5_400_000, within(200_000L));
      assertThat(events.get(1).speedMps()).isLessThan(5.5);
    }
  }

  @Test
  void aNoisySpeedHoveringJustAboveAThresholdCrossesItOnceEachWay() {
    // 6 m/s, up at 3.2 m/s² to 9.2 m/s (crossing 9 at 1.94 s), held for 3 s just 0.2 m/s above
    // the threshold, then down at 3.2 m/s² to 6 m/s.
    Runner runner =
        new Runner(
            "runner",
            t -> {
              double s = t / 1e6;
              double x;
              if (s < 1) {
                x = 6 * s;
              } else if (s < 2) {
                x = 6 + 6 * (s - 1) + 1.6 * (s - 1) * (s - 1);
              } else if (s < 5) {
                x = 13.6 + 9.2 * (s - 2);
              } else if (s < 6) {
                x = 41.2 + 9.2 * (s - 5) - 1.6 * (s - 5) * (s - 5);
              } else {
                x = 48.8 + 6 * (s - 6);
              }
              return new GroundPoint(22 + x, 3);
            },
            1.8);
    EventSettings settings = EventSettings.defaults().withSpeedThresholds(List.of(9.0));
    for (long seed = 1; seed <= 5; seed++) {
      TrackEvents events = new TrackEvents(1, settings);
      List<SpeedThresholdCrossed> crossings = new ArrayList<>();
      for (MotionEstimate estimate : FilmedMotion.of(runner, 7_000_000, seed)) {
        events.onFrame(estimate, null, null, List.of()).stream()
            .filter(SpeedThresholdCrossed.class::isInstance)
            .map(SpeedThresholdCrossed.class::cast)
            .forEach(crossings::add);
      }

      assertThat(crossings).as("seed %d", seed).hasSize(2);
      assertThat(crossings.get(0).upward()).isTrue();
      assertThat(crossings.get(0).mediaTimeUs()).isCloseTo(1_937_500, within(200_000L));
      assertThat(crossings.get(1).upward()).isFalse();
      assertThat(crossings.get(1).speedMps())
          .isLessThan(9.0 - settings.speedHysteresisMps())
          .isGreaterThan(9.0 - settings.speedHysteresisMps() - 0.5);
    }
  }

  @Test
  void aJumpIsReportedWithItsTakeOffTimeHeightAndFlightTime() {
    // 2.8 m/s take-off: 0.40 m high, 571 ms in the air.
    SyntheticAthlete jumper = SyntheticAthlete.jumping(new GroundPoint(50, 5), 2_000_000, 2.8);
    for (long seed = 1; seed <= 5; seed++) {
      List<VisionEvent> events = detectGait(jumper, 4_000_000, seed);

      assertThat(events).as("seed %d", seed).singleElement().isInstanceOf(Jumped.class);
      Jumped jump = (Jumped) events.getFirst();
      assertThat(jump.mediaTimeUs()).isCloseTo(2_000_000, within(200_000L));
      assertThat(jump.heightM()).isCloseTo(jumper.jumpHeightM(), within(0.1));
      assertThat(jump.flightTimeMs()).isCloseTo(jumper.flightUs() / 1e3, within(100.0));
    }
  }

  @Test
  void aRunnersFlightPhasesAreNotJumps() {
    SyntheticAthlete jogger = SyntheticAthlete.running(new GroundPoint(38, 3), 4.0, 170, 180_000);

    assertThat(detectGait(jogger, 5_000_000, 1)).isEmpty();
  }

  private static List<VisionEvent> detect(List<MotionEstimate> film, List<Zone> zones) {
    TrackEvents events = new TrackEvents(1, EventSettings.defaults());
    List<VisionEvent> detected = new ArrayList<>();
    for (MotionEstimate estimate : film) {
      detected.addAll(events.onFrame(estimate, null, null, zones));
    }
    return detected;
  }

  /** Films an athlete's pose at 30 fps and runs the jump detector on it. */
  private static List<VisionEvent> detectGait(
      SyntheticAthlete athlete, long durationUs, long seed) {
    PinholeCamera camera = PinholeCamera.trackside();
    Homography homography = camera.calibrate();
    GaitAnalyzer gait = new GaitAnalyzer(homography, GaitSettings.defaults());
    TrackEvents events = new TrackEvents(1, EventSettings.defaults());
    Random random = new Random(seed);
    List<VisionEvent> detected = new ArrayList<>();
    for (long t = 0; t <= durationUs; t += 33_333) {
      var sample = gait.update(t, athlete.pose(camera, t, 0.5, random));
      GroundPoint position = athlete.pelvisAt(t);
      MotionEstimate still = new MotionEstimate(t, position, GroundPoint.ORIGIN, 0, 0, 0, 0, true);
      detected.addAll(
          events.onFrame(still, sample, null, List.of()).stream()
              .filter(Jumped.class::isInstance)
              .toList());
    }
    return detected;
  }
}
