package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Pose;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the landmark model's raw output into frame pixels, as MediaPipe's {@code
 * TensorsToLandmarksCalculator} and {@code LandmarkProjectionCalculator} for pose: 39 landmarks of
 * 5 values (x, y, z in input pixels, visibility and presence logits), of which the first 33 are the
 * body; x and y go through the crop's map back to the frame and z is scaled like x.
 */
final class LandmarkOutputs {

  static final int LANDMARKS = 39;
  static final int VALUES_PER_LANDMARK = 5;

  private LandmarkOutputs() {}

  /** Returns the pose, keypoints in frame pixels, scored with the body-presence score. */
  static Pose toPose(float[] raw, TensorFrameMap map, double presence) {
    double zScale = map.frameStep();
    List<Keypoint> keypoints = new ArrayList<>(Pose.LANDMARKS);
    for (int i = 0; i < Pose.LANDMARKS; i++) {
      int base = i * VALUES_PER_LANDMARK;
      double tx = raw[base];
      double ty = raw[base + 1];
      keypoints.add(
          new Keypoint(
              map.frameX(tx, ty),
              map.frameY(tx, ty),
              raw[base + 2] * zScale,
              sigmoid(raw[base + 3])));
    }
    return new Pose(keypoints, Math.clamp(presence, 0, 1));
  }

  static double sigmoid(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }
}
