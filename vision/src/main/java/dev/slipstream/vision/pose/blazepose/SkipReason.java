package dev.slipstream.vision.pose.blazepose;

/**
 * Why the estimator returned no pose for a person. Each is counted (see {@link
 * BlazePoseEstimator#skipped(SkipReason)}) so a stream that loses poses shows why in its metrics.
 */
public enum SkipReason {
  /** The box has no area: zero width or height. */
  EMPTY_BOX,
  /** The box, with the margin around it, does not touch the frame. */
  OUTSIDE_FRAME,
  /** The landmark model ran but scored the presence of a body below the threshold. */
  NO_BODY,
  /** TensorFlow Lite reported an error while running the model. */
  INFERENCE_FAILED
}
