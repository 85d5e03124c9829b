package dev.slipstream.vision.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.events.Jumped;
import dev.slipstream.vision.events.TrackLost;
import dev.slipstream.vision.events.VisionEvent;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.events.ZoneEntered;
import dev.slipstream.vision.events.ZoneExited;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.kinematics.MotionSettings;
import dev.slipstream.vision.kinematics.SportProfile;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.scene.PinholeCamera;
import dev.slipstream.vision.scene.SyntheticAthlete;
import dev.slipstream.vision.track.Detection;
import dev.slipstream.vision.track.TrackState;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrameAnalyzerTest {
  private static final long FRAME_US = 33_333;
  private static final long RUNNER_LEAVES_US = 4_200_000;

  private final PinholeCamera camera = PinholeCamera.trackside();
  // Runs at 5 m/s through the box (x 45 to 55): in at 1.8 s, out at 3.8 s; gone at 4.2 s.
  private final SyntheticAthlete runner =
      SyntheticAthlete.running(new GroundPoint(36, 2), 5.0, 170, 180_000);
  // Stands behind the box and jumps at 2.5 s: 0.34 m high, 530 ms in the air.
  private final SyntheticAthlete jumper =
      SyntheticAthlete.jumping(new GroundPoint(50, 7), 2_500_000, 2.6);
  private final List<FrameAnalysis> frames = new ArrayList<>();
  private final Map<String, Integer> idOf = new HashMap<>();
  private FrameAnalyzer analyzer;

  @BeforeEach
  void filmTheScene() {
    analyzer =
        // The simulated detections' boxes end at the joints themselves (points, without shoes or
        // the width of a limb to see past), so the feet need no depth behind the box's bottom.
        new FrameAnalyzer(
            camera.calibrate(),
            AnalyzerSettings.defaults(SportProfile.sprint())
                .withMotion(new MotionSettings(500_000, 1_000_000, 4, 1.0, 5, 0)));
    analyzer.setZones(
        List.of(
            new Zone(
                "box",
                List.of(
                    new GroundPoint(45, 0),
                    new GroundPoint(55, 0),
                    new GroundPoint(55, 4),
                    new GroundPoint(45, 4)))));
    Random random = new Random(17);
    for (long t = 0; t <= 5_500_000; t += FRAME_US) {
      List<Detection> detections = new ArrayList<>();
      Map<Integer, Pose> poses = new HashMap<>();
      List<String> owners = new ArrayList<>();
      if (t < RUNNER_LEAVES_US) {
        poses.put(detections.size(), runner.pose(camera, t, 0.5, random));
        detections.add(runner.detection(camera, t, 2.0, random));
        owners.add("runner");
      }
      poses.put(detections.size(), jumper.pose(camera, t, 0.5, random));
      detections.add(jumper.detection(camera, t, 2.0, random));
      owners.add("jumper");
      FrameAnalysis analysis = analyzer.analyze(new FrameInput(t, detections, poses));
      frames.add(analysis);
      for (TrackAnalysis track : analysis.tracks()) {
        if (track.track().state() == TrackState.CONFIRMED) {
          Integer previous =
              idOf.put(owners.get(track.track().detectionIndex()), track.track().trackId());
          assertThat(previous).as("id switch at %d us", t).isIn(null, track.track().trackId());
        }
      }
    }
  }

  @Test
  void eachAthleteKeepsOneIdAndTheRunnerIsLostAfterLeaving() {
    assertThat(idOf).containsOnlyKeys("runner", "jumper");
    assertThat(idOf.get("runner")).isNotEqualTo(idOf.get("jumper"));
    List<TrackLost> lost = eventsOf(TrackLost.class);
    assertThat(lost)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.trackId()).isEqualTo(idOf.get("runner"));
              assertThat(l.lastSeenUs()).isCloseTo(RUNNER_LEAVES_US, within(FRAME_US));
              assertThat(l.position().x())
                  .isCloseTo(36 + 5.0 * RUNNER_LEAVES_US / 1e6, within(0.5));
            });
  }

  @Test
  void theRunnerEntersAndLeavesTheZoneWithin200MsOfTheTrueTimes() {
    assertThat(eventsOf(ZoneEntered.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.trackId()).isEqualTo(idOf.get("runner"));
              assertThat(e.zoneId()).isEqualTo("box");
              assertThat(e.mediaTimeUs()).isCloseTo(1_800_000, within(200_000L));
            });
    assertThat(eventsOf(ZoneExited.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.trackId()).isEqualTo(idOf.get("runner"));
              assertThat(e.mediaTimeUs()).isCloseTo(3_800_000, within(200_000L));
            });
  }

  @Test
  void theJumpIsDetectedWithin200MsOfTakeOffAndTheRunnersStridesAreNot() {
    assertThat(eventsOf(Jumped.class))
        .singleElement()
        .satisfies(
            jump -> {
              assertThat(jump.trackId()).isEqualTo(idOf.get("jumper"));
              assertThat(jump.mediaTimeUs()).isCloseTo(2_500_000, within(200_000L));
              assertThat(jump.heightM()).isCloseTo(jumper.jumpHeightM(), within(0.1));
              assertThat(jump.flightTimeMs()).isCloseTo(jumper.flightUs() / 1e3, within(100.0));
            });
  }

  @Test
  void theRunnersSpeedIsMeasuredWhileTheJumperStandsStill() {
    FrameAnalysis midRun = frameAt(3_000_000);
    TrackAnalysis running = trackOf(midRun, "runner");
    TrackAnalysis standing = trackOf(midRun, "jumper");

    assertThat(running.motion().speedMps()).isCloseTo(5.0, within(0.4));
    assertThat(running.motion().position().distanceTo(runner.pelvisAt(3_000_000))).isLessThan(0.3);
    assertThat(standing.motion().speedMps()).isLessThan(0.8);
    assertThat(running.gait().cadenceSpm()).isCloseTo(170, within(10.0));
  }

  @Test
  void theWireFrameCarriesTracksPosesKinematicsAndEvents() {
    FrameAnalysis midRun = frameAt(3_000_000);

    AnalyticsFrame frame = AnalyticsFrames.toProto("stream-1", midRun, 1280, 720).build();

    assertThat(frame.getStreamId()).isEqualTo("stream-1");
    assertThat(frame.getMediaTimeUs()).isEqualTo(midRun.mediaTimeUs());
    assertThat(frame.getFrameIndex()).isEqualTo(midRun.frameIndex());
    assertThat(frame.getFrameWidth()).isEqualTo(1280);
    assertThat(frame.getTracksList())
        .hasSize(2)
        .allSatisfy(
            track -> {
              assertThat(track.getState())
                  .isEqualTo(dev.slipstream.wire.v1.TrackState.TRACK_STATE_CONFIRMED);
              assertThat(track.getBbox().getHeight()).isGreaterThan(30);
            });
    var runnerTrack =
        frame.getTracksList().stream()
            .filter(t -> t.getTrackId() == idOf.get("runner"))
            .findFirst()
            .orElseThrow();
    assertThat(runnerTrack.getSpeedMps()).isCloseTo(5.0f, within(0.4f));
    assertThat(runnerTrack.getDistanceM()).isCloseTo(15.0f, within(1.0f));
    assertThat(frame.getPosesList())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.getKeypointsCount()).isEqualTo(33));
    assertThat(frame.getKinematicsList()).hasSize(2);

    FrameAnalysis landing =
        frames.stream()
            .filter(f -> f.events().stream().anyMatch(Jumped.class::isInstance))
            .findFirst()
            .orElseThrow();
    AnalyticsFrame withJump = AnalyticsFrames.toProto("stream-1", landing, 1280, 720).build();
    assertThat(withJump.getEventsList())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getType()).isEqualTo(AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP);
              assertThat(event.getTrackId()).isEqualTo(idOf.get("jumper"));
              assertThat(event.getJumpHeightM()).isGreaterThan(0.2f);
              assertThat(event.getFlightTimeMs()).isGreaterThan(400f);
              assertThat(event.getEventId())
                  .isEqualTo("jump:" + idOf.get("jumper") + ":" + event.getMediaTimeUs());
            });
  }

  private <T extends VisionEvent> List<T> eventsOf(Class<T> type) {
    return frames.stream()
        .flatMap(f -> f.events().stream())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private FrameAnalysis frameAt(long mediaTimeUs) {
    return frames.stream().filter(f -> f.mediaTimeUs() >= mediaTimeUs).findFirst().orElseThrow();
  }

  private TrackAnalysis trackOf(FrameAnalysis frame, String athlete) {
    return frame.tracks().stream()
        .filter(t -> t.track().trackId() == idOf.get(athlete))
        .findFirst()
        .orElseThrow();
  }
}
