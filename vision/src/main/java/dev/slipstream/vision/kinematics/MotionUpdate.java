package dev.slipstream.vision.kinematics;

import org.jspecify.annotations.Nullable;

/**
 * What one position sample did to a track's motion.
 *
 * @param estimate the motion after the sample (unchanged by a rejected one), or null while the
 *     track has no accepted sample yet
 * @param rejection why the sample was rejected, or null when it was accepted
 */
public record MotionUpdate(@Nullable MotionEstimate estimate, @Nullable RejectionReason rejection) {

  /** Returns whether the sample was accepted. */
  public boolean accepted() {
    return rejection == null;
  }
}
