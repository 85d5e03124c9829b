package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.track.Detection;
import java.util.Objects;

/**
 * One person as the BlazePose detector sees them. The model finds the head and predicts two
 * circles: one around the whole body, centred between the hips, and one around the upper body,
 * centred between the shoulders; each circle's radius and the body's tilt are given by a second
 * point. {@link BlazePoseEstimator#estimate(dev.slipstream.vision.frame.VideoFrame,
 * PersonDetection)} uses the body circle and tilt to crop a person who is bending, lying or upside
 * down.
 *
 * @param box the square around the body circle, cut to the frame: the person's box for tracking
 * @param score detector confidence, 0 to 1
 * @param headBox the box the detector drew around the head
 * @param hipCentre the point between the hips, the body circle's centre
 * @param bodyScalePoint a point on the body circle; from the hip centre it points to the head
 * @param shoulderCentre the point between the shoulders, the upper-body circle's centre
 * @param upperBodyScalePoint a point on the upper-body circle
 */
public record PersonDetection(
    PixelBox box,
    double score,
    PixelBox headBox,
    PixelPoint hipCentre,
    PixelPoint bodyScalePoint,
    PixelPoint shoulderCentre,
    PixelPoint upperBodyScalePoint) {

  /** Checks every part is given and the score is a probability. */
  public PersonDetection {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(headBox, "headBox");
    Objects.requireNonNull(hipCentre, "hipCentre");
    Objects.requireNonNull(bodyScalePoint, "bodyScalePoint");
    Objects.requireNonNull(shoulderCentre, "shoulderCentre");
    Objects.requireNonNull(upperBodyScalePoint, "upperBodyScalePoint");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(
          "detection score must be between 0 and 1 (was " + score + ")");
    }
  }

  /** Returns the radius of the circle around the whole body, in pixels. */
  public double bodyRadius() {
    return hipCentre.distanceTo(bodyScalePoint);
  }

  /**
   * Returns the body's tilt in radians, 0 when upright, positive when the head leans right
   * (clockwise on the picture); MediaPipe's rotation of the pose region.
   */
  public double bodyRotation() {
    double angle =
        Math.PI / 2
            - Math.atan2(-(bodyScalePoint.y() - hipCentre.y()), bodyScalePoint.x() - hipCentre.x());
    return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
  }

  /** Returns the detection as the tracker takes it: the body box and the score. */
  public Detection toDetection() {
    return new Detection(box, score);
  }
}
