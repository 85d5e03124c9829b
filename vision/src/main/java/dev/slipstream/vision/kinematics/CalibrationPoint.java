package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import java.util.Objects;

/**
 * A landmark whose position is known both on the frame and on the ground: a line crossing, a cone,
 * a lane marking.
 *
 * @param image where the landmark is on the frame, in pixels
 * @param ground where it is on the field, in metres
 */
public record CalibrationPoint(PixelPoint image, GroundPoint ground) {

  /** Checks neither point is missing. */
  public CalibrationPoint {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(ground, "ground");
  }
}
