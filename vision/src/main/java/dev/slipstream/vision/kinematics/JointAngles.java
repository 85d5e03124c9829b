package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Landmark;
import dev.slipstream.vision.pose.Pose;

/**
 * Inner joint angles of a pose in degrees, 180 for a straight limb, measured on the frame; NaN for
 * a joint whose three landmarks were not all visible.
 *
 * @param leftKneeDeg hip-knee-ankle angle of the left leg
 * @param rightKneeDeg hip-knee-ankle angle of the right leg
 * @param leftHipDeg shoulder-hip-knee angle on the left side
 * @param rightHipDeg shoulder-hip-knee angle on the right side
 * @param leftElbowDeg shoulder-elbow-wrist angle of the left arm
 * @param rightElbowDeg shoulder-elbow-wrist angle of the right arm
 */
public record JointAngles(
    double leftKneeDeg,
    double rightKneeDeg,
    double leftHipDeg,
    double rightHipDeg,
    double leftElbowDeg,
    double rightElbowDeg) {

  /**
   * Measures the angles of {@code pose}, using landmarks at least {@code minVisibility} visible.
   */
  public static JointAngles of(Pose pose, double minVisibility) {
    return new JointAngles(
        angle(pose, Landmark.LEFT_HIP, Landmark.LEFT_KNEE, Landmark.LEFT_ANKLE, minVisibility),
        angle(pose, Landmark.RIGHT_HIP, Landmark.RIGHT_KNEE, Landmark.RIGHT_ANKLE, minVisibility),
        angle(pose, Landmark.LEFT_SHOULDER, Landmark.LEFT_HIP, Landmark.LEFT_KNEE, minVisibility),
        angle(
            pose, Landmark.RIGHT_SHOULDER, Landmark.RIGHT_HIP, Landmark.RIGHT_KNEE, minVisibility),
        angle(
            pose, Landmark.LEFT_SHOULDER, Landmark.LEFT_ELBOW, Landmark.LEFT_WRIST, minVisibility),
        angle(
            pose,
            Landmark.RIGHT_SHOULDER,
            Landmark.RIGHT_ELBOW,
            Landmark.RIGHT_WRIST,
            minVisibility));
  }

  /** Returns the angle at {@code joint} between the segments to {@code from} and {@code to}. */
  static double angle(Pose pose, Landmark from, Landmark joint, Landmark to, double minVisibility) {
    Keypoint a = pose.get(from);
    Keypoint b = pose.get(joint);
    Keypoint c = pose.get(to);
    if (!a.isVisible(minVisibility) || !b.isVisible(minVisibility) || !c.isVisible(minVisibility)) {
      return Double.NaN;
    }
    double ux = a.x() - b.x();
    double uy = a.y() - b.y();
    double vx = c.x() - b.x();
    double vy = c.y() - b.y();
    double lengths = Math.hypot(ux, uy) * Math.hypot(vx, vy);
    if (lengths == 0) {
      return Double.NaN;
    }
    double cosine = Math.max(-1, Math.min(1, (ux * vx + uy * vy) / lengths));
    return Math.toDegrees(Math.acos(cosine));
  }
}
