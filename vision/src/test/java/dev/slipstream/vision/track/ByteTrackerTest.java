package dev.slipstream.vision.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.scene.Runner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteTrackerTest {

  @Test
  void fourRunnersOvertakingInAdjacentLanesKeepTheirIdsOnIrregularFrames() {
    List<Runner> runners =
        List.of(
            Runner.straight("lane1", new GroundPoint(32, 1.5), 9.0, 0),
            Runner.straight("lane2", new GroundPoint(34, 2.7), 8.5, 0),
            Runner.straight("lane3", new GroundPoint(36, 3.9), 8.0, 0),
            Runner.straight("lane4", new GroundPoint(38, 5.1), 7.0, 0));
    for (long seed = 1; seed <= 10; seed++) {
      TrackerScene scene = new TrackerScene(TrackerSettings.defaults(), seed);

      scene.run(runners, scene.irregularFrames(0, 3_500_000), 2.0, (r, t) -> true);

      Set<Integer> distinctIds = new HashSet<>();
      for (Runner runner : runners) {
        assertThat(scene.idSwitches(runner.name())).as("%s, seed %d", runner.name(), seed).isZero();
        assertThat(scene.idsByRunner.get(runner.name())).hasSizeGreaterThan(30);
        distinctIds.add(scene.idsByRunner.get(runner.name()).getFirst());
      }
      assertThat(distinctIds).as("one id per runner, seed %d", seed).hasSize(4);
      assertThat(scene.lost).isEmpty();
    }
  }

  @Test
  void runnersCrossingInOppositeDirectionsKeepTheirIds() {
    List<Runner> runners =
        List.of(
            Runner.straight("east", new GroundPoint(35, 2.0), 8.0, 0),
            Runner.straight("west", new GroundPoint(65, 3.0), -8.0, 0));
    for (long seed = 1; seed <= 10; seed++) {
      TrackerScene scene = new TrackerScene(TrackerSettings.defaults(), seed);

      scene.run(runners, scene.irregularFrames(0, 3_700_000), 2.0, (r, t) -> true);

      assertThat(scene.idSwitches("east")).as("seed %d", seed).isZero();
      assertThat(scene.idSwitches("west")).as("seed %d", seed).isZero();
      assertThat(scene.idsByRunner.get("east").getFirst())
          .isNotEqualTo(scene.idsByRunner.get("west").getFirst());
    }
  }

  @Test
  void aRunnerHiddenForFiveFramesGetsTheSameIdBack() {
    Runner hidden = Runner.straight("hidden", new GroundPoint(35, 2.0), 8.0, 0);
    Runner other = Runner.straight("other", new GroundPoint(40, 6.0), 6.0, 0);
    List<Long> times = new ArrayList<>();
    for (int frame = 0; frame < 50; frame++) {
      times.add(frame * 66_667L);
    }
    Set<Long> hiddenFrames = new HashSet<>(times.subList(20, 25));
    TrackerScene scene = new TrackerScene(TrackerSettings.defaults(), 7);

    scene.run(
        List.of(hidden, other), times, 2.0, (r, t) -> r != hidden || !hiddenFrames.contains(t));

    assertThat(scene.idSwitches("hidden")).isZero();
    assertThat(scene.idSwitches("other")).isZero();
    assertThat(scene.idsByRunner.get("hidden")).hasSize(50 - 5 - 2);
    TrackerUpdate duringOcclusion = scene.updates.get(22);
    int hiddenId = scene.idsByRunner.get("hidden").getFirst();
    assertThat(duringOcclusion.tracks())
        .filteredOn(t -> t.trackId() == hiddenId)
        .singleElement()
        .satisfies(t -> assertThat(t.state()).isEqualTo(TrackState.COASTING))
        .satisfies(t -> assertThat(t.isMatched()).isFalse());
    assertThat(scene.lost).isEmpty();
  }

  @Test
  void predictsAcrossAHalfSecondStallWithTheRealTimeElapsed() {
    Runner runner = Runner.straight("runner", new GroundPoint(35, 2.0), 9.0, 0);
    List<Long> times = new ArrayList<>();
    for (int frame = 0; frame < 15; frame++) {
      times.add(frame * 66_667L);
    }
    // The pipeline stalls for half a second: the runner moves 4.5 m, twice their box's width.
    for (int frame = 0; frame < 15; frame++) {
      times.add(1_433_333L + frame * 66_667L);
    }
    TrackerScene scene = new TrackerScene(TrackerSettings.defaults(), 3);

    scene.run(List.of(runner), times, 2.0, (r, t) -> true);

    assertThat(scene.idSwitches("runner")).isZero();
    assertThat(scene.idsByRunner.get("runner")).hasSize(30 - 2);
  }

  @Test
  void aTrackUnseenForLongerThanTheCoastWindowIsLostOnceAndItsIdIsNeverReused() {
    Runner first = Runner.straight("first", new GroundPoint(35, 2.0), 6.0, 0);
    List<Long> times = new ArrayList<>();
    for (int frame = 0; frame < 75; frame++) {
      times.add(frame * 66_667L);
    }
    TrackerScene scene = new TrackerScene(TrackerSettings.defaults(), 11);

    // Seen for 1 s, gone for 2 s (longer than the 1 s coast window), then seen again.
    scene.run(List.of(first), times, 2.0, (r, t) -> t < 1_000_000 || t >= 3_000_000);

    List<Integer> ids = scene.idsByRunner.get("first");
    int before = ids.getFirst();
    int after = ids.getLast();
    assertThat(after).isGreaterThan(before);
    assertThat(scene.lost)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.trackId()).isEqualTo(before);
              assertThat(l.lostAtUs() - l.lastSeenUs()).isGreaterThan(1_000_000);
              assertThat(l.lostAtUs() - l.lastSeenUs()).isLessThanOrEqualTo(1_000_000 + 66_667);
            });
  }

  @Test
  void aWeakDetectionKeepsAConfirmedTrackButCannotStartOne() {
    ByteTracker tracker = new ByteTracker(TrackerSettings.defaults());
    PixelBox box = new PixelBox(100, 100, 30, 90);
    for (int frame = 0; frame < 4; frame++) {
      tracker.update(frame * 66_667L, List.of(new Detection(box, 0.9)));
    }

    TrackerUpdate weak =
        tracker.update(
            4 * 66_667L,
            List.of(new Detection(box, 0.3), new Detection(new PixelBox(600, 100, 30, 90), 0.3)));

    assertThat(weak.tracks())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.trackId()).isEqualTo(1);
              assertThat(t.state()).isEqualTo(TrackState.CONFIRMED);
              assertThat(t.detectionIndex()).isZero();
            });
  }

  @Test
  void aFlickeringFalseDetectionNeverBecomesConfirmedAndIsDroppedSilently() {
    ByteTracker tracker = new ByteTracker(TrackerSettings.defaults());
    Detection ghost = new Detection(new PixelBox(500, 300, 30, 90), 0.8);

    TrackerUpdate first = tracker.update(0, List.of(ghost));
    TrackerUpdate second = tracker.update(66_667, List.of(ghost));
    TrackerUpdate gone = tracker.update(133_333, List.of());

    assertThat(first.tracks())
        .singleElement()
        .extracting(TrackedObject::state)
        .isEqualTo(TrackState.TENTATIVE);
    assertThat(second.tracks())
        .singleElement()
        .extracting(TrackedObject::state)
        .isEqualTo(TrackState.TENTATIVE);
    assertThat(gone.tracks()).isEmpty();
    assertThat(gone.lost()).isEmpty();
  }

  @Test
  void refusesFramesWhoseMediaTimeDoesNotIncrease() {
    ByteTracker tracker = new ByteTracker(TrackerSettings.defaults());
    tracker.update(1_000, List.of());

    assertThatThrownBy(() -> tracker.update(1_000, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame media time must increase (was 1000 after 1000)");
  }

  @Test
  void settingsNameTheSettingTheValueAndTheAllowedRange() {
    assertThatThrownBy(() -> TrackerSettings.defaults().withConfirmHits(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tracker.confirmHits=0: must be between 1 and 100");
    assertThatThrownBy(() -> TrackerSettings.defaults().withMaxCoastUs(10))
        .hasMessage("tracker.maxCoastUs=10: must be between 1000 (1 ms) and 60000000 (60 s)");
  }
}
