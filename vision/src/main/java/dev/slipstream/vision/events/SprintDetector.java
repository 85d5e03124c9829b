package dev.slipstream.vision.events;

import dev.slipstream.vision.kinematics.MotionEstimate;
import org.jspecify.annotations.Nullable;

/**
 * Sprint start and stop of one track, with hysteresis (start and stop thresholds apart) and a
 * minimum duration past the threshold, so a noisy speed hovering near it does not flap. The event
 * is dated when speed first crossed, not when the duration was reached; a dip back across the
 * threshold by less than {@link EventSettings#speedHysteresisMps()} is taken as noise and does not
 * restart the clock.
 */
final class SprintDetector {
  private final EventSettings settings;
  private boolean sprinting;
  private @Nullable MotionEstimate crossing;

  SprintDetector(EventSettings settings) {
    this.settings = settings;
  }

  @Nullable VisionEvent observe(int trackId, MotionEstimate estimate) {
    double speed = estimate.speedMps();
    double margin = settings.speedHysteresisMps();
    boolean pastThreshold =
        sprinting ? speed < settings.sprintStopMps() : speed >= settings.sprintStartMps();
    boolean clearlyBack =
        sprinting
            ? speed >= settings.sprintStopMps() + margin
            : speed < settings.sprintStartMps() - margin;
    if (crossing == null && pastThreshold) {
      crossing = estimate;
    } else if (crossing != null && clearlyBack) {
      crossing = null;
    }
    if (crossing == null
        || !pastThreshold
        || estimate.mediaTimeUs() - crossing.mediaTimeUs() < settings.sprintMinDurationUs()) {
      return null;
    }
    MotionEstimate at = crossing;
    crossing = null;
    sprinting = !sprinting;
    return sprinting
        ? new SprintStarted(
            trackId,
            at.mediaTimeUs(),
            at.position(),
            at.speedMps(),
            at.accelerationMps2(),
            settings.sprintStartMps())
        : new SprintStopped(
            trackId,
            at.mediaTimeUs(),
            at.position(),
            at.speedMps(),
            at.accelerationMps2(),
            settings.sprintStopMps());
  }
}
