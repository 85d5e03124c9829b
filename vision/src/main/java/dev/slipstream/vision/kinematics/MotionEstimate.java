package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * A track's motion on the ground at one media time.
 *
 * @param mediaTimeUs the media time the estimate is for
 * @param position smoothed position of the feet, in metres
 * @param velocity smoothed velocity, in metres per second
 * @param speedMps magnitude of {@code velocity}
 * @param accelerationMps2 acceleration along the direction of travel; negative while slowing
 * @param distanceM distance covered since the track's motion started
 * @param topSpeedMps highest settled speed so far
 * @param settled whether enough samples back the estimate for its speed to be trusted
 */
public record MotionEstimate(
    long mediaTimeUs,
    GroundPoint position,
    GroundPoint velocity,
    double speedMps,
    double accelerationMps2,
    double distanceM,
    double topSpeedMps,
    boolean settled) {

  /** Returns the speed in kilometres per hour. */
  public double speedKmh() {
    return speedMps * 3.6;
  }

  /** Returns the top speed in kilometres per hour. */
  public double topSpeedKmh() {
    return topSpeedMps * 3.6;
  }
}
