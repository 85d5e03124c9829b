package dev.slipstream.vision.events;

import dev.slipstream.vision.kinematics.MotionEstimate;
import org.jspecify.annotations.Nullable;

/**
 * Crossings of one speed threshold by one track. Upward at the threshold, downward only once speed
 * falls {@link EventSettings#speedHysteresisMps()} below it, so noise around the threshold reports
 * one crossing, not many. The first estimate sets which side the track is on without an event.
 */
final class SpeedThresholdDetector {
  private final double thresholdMps;
  private final double hysteresisMps;
  private @Nullable Boolean above;

  SpeedThresholdDetector(double thresholdMps, double hysteresisMps) {
    this.thresholdMps = thresholdMps;
    this.hysteresisMps = hysteresisMps;
  }

  @Nullable VisionEvent observe(int trackId, MotionEstimate estimate) {
    double speed = estimate.speedMps();
    if (above == null) {
      above = speed >= thresholdMps;
      return null;
    }
    boolean crossedUp = !above && speed >= thresholdMps;
    boolean crossedDown = above && speed < thresholdMps - hysteresisMps;
    if (!crossedUp && !crossedDown) {
      return null;
    }
    above = crossedUp;
    return new SpeedThresholdCrossed(
        trackId,
        estimate.mediaTimeUs(),
        estimate.position(),
        speed,
        estimate.accelerationMps2(),
        thresholdMps,
        crossedUp);
  }
}
