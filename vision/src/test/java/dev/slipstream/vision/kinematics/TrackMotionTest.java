package dev.slipstream.vision.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.scene.PinholeCamera;
import dev.slipstream.vision.scene.Runner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class TrackMotionTest {
  private static final long FRAME_US = 66_667;
  private final PinholeCamera camera = PinholeCamera.trackside();
  private final Homography homography = camera.calibrate();

  @Test
  void constantSpeedIsMeasuredWithinFivePercentAndPositionWithinThirtyCentimetres() {
    Runner runner = Runner.straight("runner", new GroundPoint(35, 3), 8.0, 0);
    for (long seed = 1; seed <= 5; seed++) {
      Run run = film(runner, frames(0, 3_700_000), 2.0, seed, SportProfile.sprint());

      assertThat(run.medianRelativeSpeedError(8.0)).as("seed %d", seed).isLessThanOrEqualTo(0.05);
      assertThat(run.medianPositionErrorM()).as("seed %d", seed).isLessThanOrEqualTo(0.3);
      assertThat(run.motion.rejections()).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void runningAtAnAngleIntoTheSceneIsMeasuredWithinFivePercent() {
    // Depth is where the camera is least precise: 2 px there is about 0.2 m on the ground.
    Runner runner =
        Runner.straight("diagonal", new GroundPoint(38, 0.5), 6 * Math.cos(0.6), 6 * Math.sin(0.6));
    for (long seed = 1; seed <= 5; seed++) {
      Run run = film(runner, frames(0, 2_000_000), 2.0, seed, SportProfile.sprint());

      assertThat(run.medianRelativeSpeedError(6.0)).as("seed %d", seed).isLessThanOrEqualTo(0.05);
      assertThat(run.medianPositionErrorM()).as("seed %d", seed).isLessThanOrEqualTo(0.3);
    }
  }

  @Test
  void irregularlySpacedFramesAreMeasuredWithTheRealTimeBetweenThem() {
    Runner runner = Runner.straight("runner", new GroundPoint(35, 3), 9.0, 0);
    Random skips = new Random(9);
    List<Long> times = new ArrayList<>();
    for (long t = 0; t <= 3_300_000; t += FRAME_US) {
      if (skips.nextDouble() > 0.3) {
        times.add(t);
      }
    }

    Run run = film(runner, times, 2.0, 4, SportProfile.sprint());

    assertThat(run.medianRelativeSpeedError(9.0)).isLessThanOrEqualTo(0.05);
  }

  @Test
  void aSprintStartIsFollowedWithoutLagAndItsAccelerationMeasured() {
    // From rest, 4 m/s² for 2.5 s up to 10 m/s, then steady.
    LongFunction<GroundPoint> path =
        t -> {
          double s = t / 1e6;
          double x = s < 2.5 ? 2 * s * s : 12.5 + 10 * (s - 2.5);
          return new GroundPoint(33 + x, 3);
        };
    Runner sprinter = new Runner("sprinter", path, 1.8);

    Run run = film(sprinter, frames(0, 3_600_000), 2.0, 2, SportProfile.sprint());

    List<Double> speedErrors = new ArrayList<>();
    List<Double> accelerations = new ArrayList<>();
    for (MotionEstimate estimate : run.estimates) {
      double s = estimate.mediaTimeUs() / 1e6;
      if (estimate.settled() && s > 0.8 && s < 2.3) {
        speedErrors.add(estimate.speedMps() - 4 * s);
        accelerations.add(estimate.accelerationMps2());
      }
    }
    assertThat(median(speedErrors.stream().map(Math::abs).toList())).isLessThan(0.4);
    assertThat(mean(speedErrors)).as("lag shows as a negative bias").isCloseTo(0, within(0.25));
    assertThat(median(accelerations)).isCloseTo(4.0, within(1.0));
  }

  @Test
  void aTeleportIsRejectedAndKeptOutOfSpeedTopSpeedAndDistance() {
    Runner runner = Runner.straight("runner", new GroundPoint(35, 3), 8.0, 0);
    long glitchUs = 20 * FRAME_US;
    Runner glitchy =
        new Runner(
            "glitchy",
            t -> {
              GroundPoint p = runner.path().apply(t);
              return t == glitchUs ? new GroundPoint(p.x() + 5, p.y() + 2) : p;
            },
            1.8);

    Run run = film(glitchy, frames(0, 3_700_000), 2.0, 3, SportProfile.sprint());

    assertThat(run.motion.rejections()).isEqualTo(Map.of(RejectionReason.SPEED_ABOVE_LIMIT, 1));
    MotionEstimate last = run.estimates.getLast();
    assertThat(last.topSpeedMps()).isLessThan(8.0 * 1.08);
    assertThat(last.distanceM()).isCloseTo(8.0 * 3.7, within(0.6));
    assertThat(run.medianRelativeSpeedError(8.0)).isLessThanOrEqualTo(0.05);
  }

  @Test
  void aTrackThatReallyMovedRestartsAfterEnoughRejectionsInARow() {
    // The track jumps to another person 6 m ahead and stays with them.
    Runner switched =
        new Runner(
            "switched",
            t -> new GroundPoint(35 + 8.0 * t / 1e6 + (t >= 1_000_000 ? 6 : 0), 3),
            1.8);

    Run run = film(switched, frames(0, 3_000_000), 2.0, 6, SportProfile.sprint());

    assertThat(run.motion.restarts()).isEqualTo(1);
    assertThat(run.motion.rejections().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(MotionSettings.defaults().maxConsecutiveRejections());
    MotionEstimate last = run.estimates.getLast();
    assertThat(last.speedMps()).isCloseTo(8.0, within(0.5));
    assertThat(last.topSpeedMps()).isLessThan(8.0 * 1.08);
    assertThat(last.distanceM()).as("the 6 m jump is not distance").isLessThan(8.0 * 3.0);
  }

  @Test
  void distanceCoveredOverFortyMetresIsWithinTwoPercent() {
    Runner runner = Runner.straight("runner", new GroundPoint(32, 3), 8.0, 0);

    Run run = film(runner, frames(0, 5_000_000), 2.0, 8, SportProfile.sprint());

    assertThat(run.estimates.getLast().distanceM()).isCloseTo(40.0, within(0.8));
  }

  @Test
  void aPersonStandingStillCoversNoDistanceAndReachesNoSpeed() {
    Runner standing = new Runner("standing", t -> new GroundPoint(50, 5), 1.8);

    for (long seed = 1; seed <= 5; seed++) {
      Run run = film(standing, frames(0, 10_000_000), 2.0, seed, SportProfile.walking());

      MotionEstimate last = run.estimates.getLast();
      assertThat(last.distanceM()).as("seed %d", seed).isLessThan(1.0);
      assertThat(last.topSpeedMps()).as("seed %d", seed).isLessThan(1.0);
    }
  }

  @Test
  void topSpeedNeverExceedsTheSportsLimit() {
    Runner runner = Runner.straight("too fast", new GroundPoint(35, 3), 4.0, 0);

    Run run = film(runner, frames(0, 3_000_000), 2.0, 1, SportProfile.walking());

    assertThat(run.estimates).allSatisfy(e -> assertThat(e.topSpeedMps()).isLessThanOrEqualTo(3.0));
  }

  private static List<Long> frames(long fromUs, long toUs) {
    List<Long> times = new ArrayList<>();
    for (long t = fromUs; t <= toUs; t += FRAME_US) {
      times.add(t);
    }
    return times;
  }

  private Run film(Runner runner, List<Long> times, double noisePx, long seed, SportProfile sport) {
    Random random = new Random(seed);
    TrackMotion motion = new TrackMotion(homography, sport, MotionSettings.defaults());
    Run run = new Run(runner, motion);
    for (long t : times) {
      MotionUpdate update = motion.addBox(t, runner.detect(camera, t, noisePx, random).box());
      if (update.accepted()) {
        run.estimates.add(update.estimate());
      }
    }
    return run;
  }

  /** What a filmed runner's motion measured, frame by frame. */
  private static final class Run {
    final Runner runner;
    final TrackMotion motion;
    final List<MotionEstimate> estimates = new ArrayList<>();

    Run(Runner runner, TrackMotion motion) {
      this.runner = runner;
      this.motion = motion;
    }

    double medianRelativeSpeedError(double trueSpeed) {
      return median(
          settled().stream().map(e -> Math.abs(e.speedMps() - trueSpeed) / trueSpeed).toList());
    }

    double medianPositionErrorM() {
      return median(
          settled().stream()
              .map(e -> e.position().distanceTo(runner.path().apply(e.mediaTimeUs())))
              .toList());
    }

    private List<MotionEstimate> settled() {
      return estimates.stream().filter(MotionEstimate::settled).toList();
    }
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertThat(sorted).isNotEmpty();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  static double[] sorted(List<Double> values) {
    double[] result = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(result);
    return result;
  }
}
