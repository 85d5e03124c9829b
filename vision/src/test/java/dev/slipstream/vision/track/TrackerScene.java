package dev.slipstream.vision.track;

import dev.slipstream.vision.scene.PinholeCamera;
import dev.slipstream.vision.scene.Runner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;

/**
 * Films runners with the trackside camera, feeds the boxes to a tracker and records which track id
 * each runner's detection was given on each frame.
 */
final class TrackerScene {
  final PinholeCamera camera = PinholeCamera.trackside();
  final ByteTracker tracker;
  final Map<String, List<Integer>> idsByRunner = new HashMap<>();
  final List<LostTrack> lost = new ArrayList<>();
  final List<TrackerUpdate> updates = new ArrayList<>();
  private final Random random;

  TrackerScene(TrackerSettings settings, long seed) {
    this.tracker = new ByteTracker(settings);
    this.random = new Random(seed);
  }

  /**
   * Returns media times from {@code startUs} to {@code endUs} at 15 fps where a fifth of the frames
   * are skipped, so the gaps are 67, 133 or 200 ms.
   */
  List<Long> irregularFrames(long startUs, long endUs) {
    List<Long> times = new ArrayList<>();
    for (long t = startUs; t <= endUs; t += 66_667) {
      if (times.isEmpty() || random.nextDouble() >= 0.2) {
        times.add(t);
      }
    }
    return times;
  }

  /** Runs the frames; {@code visible} says whether a runner is detected at a time. */
  void run(
      List<Runner> runners, List<Long> times, double noisePx, BiPredicate<Runner, Long> visible) {
    for (long t : times) {
      List<Detection> detections = new ArrayList<>();
      List<Runner> owners = new ArrayList<>();
      for (Runner runner : runners) {
        if (visible.test(runner, t)) {
          detections.add(runner.detect(camera, t, noisePx, random));
          owners.add(runner);
        }
      }
      TrackerUpdate update = tracker.update(t, detections);
      updates.add(update);
      lost.addAll(update.lost());
      for (TrackedObject track : update.tracks()) {
        if (track.isMatched() && track.state() != TrackState.TENTATIVE) {
          idsByRunner
              .computeIfAbsent(owners.get(track.detectionIndex()).name(), k -> new ArrayList<>())
              .add(track.trackId());
        }
      }
    }
  }

  /** Returns how often a runner's confirmed id changed from one matched frame to the next. */
  int idSwitches(String runner) {
    List<Integer> ids = idsByRunner.getOrDefault(runner, List.of());
    int switches = 0;
    for (int i = 1; i < ids.size(); i++) {
      if (!ids.get(i).equals(ids.get(i - 1))) {
        switches++;
      }
    }
    return switches;
  }
}
