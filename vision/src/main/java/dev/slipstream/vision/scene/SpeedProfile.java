package dev.slipstream.vision.scene;

import java.util.Arrays;

/**
 * An athlete's speed over one period of the scene, linear between knots and repeating, so the
 * distance run is known exactly at any time: within a segment speed changes at a constant rate and
 * distance is its quadratic integral.
 */
final class SpeedProfile {
  private final double periodS;
  private final double[] knotS;
  private final double[] speed;
  private final double[] distanceAtKnot;

  /**
   * Creates the profile; the speed at the period's end is the first knot's, so it repeats smoothly.
   *
   * @param periodS length of the period, in seconds
   * @param knotS times of the knots within the period, increasing, the first at 0
   * @param speedMps speed at each knot
   */
  SpeedProfile(double periodS, double[] knotS, double[] speedMps) {
    if (knotS.length != speedMps.length || knotS.length == 0 || knotS[0] != 0) {
      throw new IllegalArgumentException("speed profile knots must start at 0, one speed each");
    }
    this.periodS = periodS;
    this.knotS = Arrays.copyOf(knotS, knotS.length + 1);
    this.knotS[knotS.length] = periodS;
    this.speed = Arrays.copyOf(speedMps, speedMps.length + 1);
    this.speed[speedMps.length] = speedMps[0];
    this.distanceAtKnot = new double[this.knotS.length];
    for (int i = 1; i < this.knotS.length; i++) {
      double dt = this.knotS[i] - this.knotS[i - 1];
      distanceAtKnot[i] = distanceAtKnot[i - 1] + dt * (speed[i - 1] + speed[i]) / 2;
    }
  }

  /** Returns a steady speed. */
  static SpeedProfile steady(double periodS, double speedMps) {
    return new SpeedProfile(periodS, new double[] {0}, new double[] {speedMps});
  }

  /** Returns this profile with every speed multiplied by {@code factor}. */
  SpeedProfile scaled(double factor) {
    double[] knots = Arrays.copyOf(knotS, knotS.length - 1);
    double[] speeds = new double[knots.length];
    for (int i = 0; i < speeds.length; i++) {
      speeds[i] = speed[i] * factor;
    }
    return new SpeedProfile(periodS, knots, speeds);
  }

  /** Returns the distance run over a whole period. */
  double distancePerPeriod() {
    return distanceAtKnot[distanceAtKnot.length - 1];
  }

  /** Returns the speed at {@code t} seconds into the period. */
  double speedAt(double t) {
    int i = segment(t);
    double fraction = (t - knotS[i]) / (knotS[i + 1] - knotS[i]);
    return speed[i] + (speed[i + 1] - speed[i]) * fraction;
  }

  /** Returns the distance run from the period's start to {@code t} seconds into it. */
  double distanceAt(double t) {
    int i = segment(t);
    double dt = t - knotS[i];
    double rate = (speed[i + 1] - speed[i]) / (knotS[i + 1] - knotS[i]);
    return distanceAtKnot[i] + speed[i] * dt + rate * dt * dt / 2;
  }

  private int segment(double t) {
    for (int i = 0; i < knotS.length - 2; i++) {
      if (t < knotS[i + 1]) {
        return i;
      }
    }
    return knotS.length - 2;
  }
}
