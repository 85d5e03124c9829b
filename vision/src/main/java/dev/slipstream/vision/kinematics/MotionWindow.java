package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.GroundPoint;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recent accepted ground positions of one track and the local polynomial fits over them.
 *
 * <p>Velocity is the slope of a straight line fitted over the velocity window. On its own that
 * slope is the velocity at the window's middle, a lag of half the window, which during a sprint
 * start would under-read speed by a metre per second or more; so it is carried forward to the
 * newest sample with the acceleration (its part along the direction of travel) from a parabola
 * fitted over the longer acceleration window. The line keeps the noise low (its slope averages
 * every sample), the correction removes the lag for any motion of constant acceleration.
 */
final class MotionWindow {
  private record Sample(long timeUs, double x, double y) {}

  private final MotionSettings settings;
  private final Deque<Sample> samples = new ArrayDeque<>();

  MotionWindow(MotionSettings settings) {
    this.settings = settings;
  }

  void add(long timeUs, GroundPoint position) {
    samples.addLast(new Sample(timeUs, position.x(), position.y()));
    while (timeUs - samples.peekFirst().timeUs() > settings.accelerationWindowUs()) {
      samples.removeFirst();
    }
  }

  void clear() {
    samples.clear();
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  /** A fitted state at the newest sample: position, velocity and acceleration vectors. */
  record Fit(
      long timeUs,
      GroundPoint position,
      GroundPoint velocity,
      GroundPoint acceleration,
      int velocitySamples,
      double velocitySpanSeconds,
      double lineSpeed,
      double residualVariance,
      double timeSpread) {}

  /** Fits the window; needs at least one sample. */
  Fit fit() {
    int n = samples.size();
    long newest = samples.peekLast().timeUs();
    double[] times = new double[n];
    double[] xs = new double[n];
    double[] ys = new double[n];
    int firstInVelocityWindow = n;
    int i = 0;
    for (Sample sample : samples) {
      times[i] = (sample.timeUs() - newest) / 1e6;
      xs[i] = sample.x();
      ys[i] = sample.y();
      if (newest - sample.timeUs() <= settings.velocityWindowUs() && firstInVelocityWindow == n) {
        firstInVelocityWindow = i;
      }
      i++;
    }
    GroundPoint acceleration =
        new GroundPoint(accelerationOf(times, xs), accelerationOf(times, ys));
    int from = firstInVelocityWindow;
    LeastSquaresFit.Line lineX = LeastSquaresFit.line(times, xs, from, n);
    LeastSquaresFit.Line lineY = LeastSquaresFit.line(times, ys, from, n);
    double lag = -lineX.meanTime();
    double varianceOfTimes = 0;
    for (int k = from; k < n; k++) {
      varianceOfTimes += Math.pow(times[k] - lineX.meanTime(), 2);
    }
    varianceOfTimes /= (n - from);
    // Only the acceleration along the line's direction is carried into velocity: it is what
    // makes speed lag, while the sideways part is mostly noise across the camera's depth.
    GroundPoint lineVelocity = new GroundPoint(lineX.slope(), lineY.slope());
    double lineSpeed = lineVelocity.length();
    GroundPoint tangential =
        lineSpeed > 1e-6
            ? lineVelocity.times(acceleration.dot(lineVelocity) / (lineSpeed * lineSpeed))
            : GroundPoint.ORIGIN;
    GroundPoint velocity = lineVelocity.plus(tangential.times(lag));
    // A line through a parabola sits ½·a·var(t) above it at the mean time; remove that, then move
    // along the parabola from the mean time to the newest sample.
    double positionCorrection = 0.5 * (lag * lag - varianceOfTimes);
    GroundPoint position =
        new GroundPoint(
            lineX.at(0) + tangential.x() * positionCorrection,
            lineY.at(0) + tangential.y() * positionCorrection);
    return new Fit(
        newest,
        position,
        velocity,
        acceleration,
        n - from,
        -times[from],
        lineSpeed,
        lineX.residualVariance() + lineY.residualVariance(),
        lineX.timeSpread());
  }

  private double accelerationOf(double[] times, double[] values) {
    // A parabola over a short span turns pixel noise into metres per second squared; below 90 %
    // of the window the acceleration is taken as unknown (zero) instead.
    double span = -times[0];
    if (span < 0.9 * settings.accelerationWindowUs() / 1e6) {
      return 0;
    }
    return LeastSquaresFit.curvature(times, values, 0, times.length);
  }
}
