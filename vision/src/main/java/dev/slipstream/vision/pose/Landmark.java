package dev.slipstream.vision.pose;

/** The 33 landmarks of a MediaPipe BlazePose pose, in the model's order. */
public enum Landmark {
  /** Nose. */
  NOSE,
  /** Inner corner of the left eye. */
  LEFT_EYE_INNER,
  /** Left eye. */
  LEFT_EYE,
  /** Outer corner of the left eye. */
  LEFT_EYE_OUTER,
  /** Inner corner of the right eye. */
  RIGHT_EYE_INNER,
  /** Right eye. */
  RIGHT_EYE,
  /** Outer corner of the right eye. */
  RIGHT_EYE_OUTER,
  /** Left ear. */
  LEFT_EAR,
  /** Right ear. */
  RIGHT_EAR,
  /** Left corner of the mouth. */
  MOUTH_LEFT,
  /** Right corner of the mouth. */
  MOUTH_RIGHT,
  /** Left shoulder (11). */
  LEFT_SHOULDER,
  /** Right shoulder (12). */
  RIGHT_SHOULDER,
  /** Left elbow (13). */
  LEFT_ELBOW,
  /** Right elbow (14). */
  RIGHT_ELBOW,
  /** Left wrist (15). */
  LEFT_WRIST,
  /** Right wrist (16). */
  RIGHT_WRIST,
  /** Left pinky knuckle. */
  LEFT_PINKY,
  /** Right pinky knuckle. */
  RIGHT_PINKY,
  /** Left index knuckle. */
  LEFT_INDEX,
  /** Right index knuckle. */
  RIGHT_INDEX,
  /** Left thumb knuckle. */
  LEFT_THUMB,
  /** Right thumb knuckle. */
  RIGHT_THUMB,
  /** Left hip (23). */
  LEFT_HIP,
  /** Right hip (24). */
  RIGHT_HIP,
  /** Left knee (25). */
  LEFT_KNEE,
  /** Right knee (26). */
  RIGHT_KNEE,
  /** Left ankle (27). */
  LEFT_ANKLE,
  /** Right ankle (28). */
  RIGHT_ANKLE,
  /** Left heel (29). */
  LEFT_HEEL,
  /** Right heel (30). */
  RIGHT_HEEL,
  /** Tip of the left foot (31). */
  LEFT_FOOT_INDEX,
  /** Tip of the right foot (32). */
  RIGHT_FOOT_INDEX;

  /** Returns the landmark's index in the model's output, 0 to 32. */
  public int index() {
    return ordinal();
  }
}
