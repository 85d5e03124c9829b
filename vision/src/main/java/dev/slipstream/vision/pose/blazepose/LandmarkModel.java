package dev.slipstream.vision.pose.blazepose;

/**
 * Which BlazePose GHUM landmark model the estimator runs. Both take the same 256×256 crop and give
 * the same 33 landmarks; LITE is the one to fall back to when the pipeline is behind.
 */
public enum LandmarkModel {
  /** {@code pose_landmark_full.tflite}: the default, more accurate. */
  FULL("pose_landmark_full.tflite", "blazepose-full"),
  /** {@code pose_landmark_lite.tflite}: faster, less accurate on hands, feet and occlusion. */
  LITE("pose_landmark_lite.tflite", "blazepose-lite");

  private final String fileName;
  private final String metricName;

  LandmarkModel(String fileName, String metricName) {
    this.fileName = fileName;
    this.metricName = metricName;
  }

  /** Returns the model's file name, e.g. {@code pose_landmark_full.tflite}. */
  public String fileName() {
    return fileName;
  }

  /** Returns the estimator's name while it runs this model, e.g. {@code blazepose-full}. */
  public String metricName() {
    return metricName;
  }
}
