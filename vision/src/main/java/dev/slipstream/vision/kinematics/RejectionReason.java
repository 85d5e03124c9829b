package dev.slipstream.vision.kinematics;

/** Why a position sample was kept out of a track's motion. */
public enum RejectionReason {
  /** Reaching it from the last position would take more than the sport's top speed. */
  SPEED_ABOVE_LIMIT,
  /** It strays from the predicted path by more than the sport's top acceleration allows. */
  ACCELERATION_ABOVE_LIMIT,
  /** The person's feet were at or above the horizon, so they have no place on the ground. */
  ABOVE_HORIZON
}
