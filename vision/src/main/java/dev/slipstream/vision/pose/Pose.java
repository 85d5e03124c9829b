package dev.slipstream.vision.pose;

import java.util.List;

/**
 * The body pose of one person on one frame.
 *
 * @param keypoints the 33 landmarks in {@link Landmark} order
 * @param score pose model confidence, 0 to 1
 */
public record Pose(List<Keypoint> keypoints, double score) {

  /** The number of landmarks in a BlazePose pose. */
  public static final int LANDMARKS = 33;

  /** Checks there are exactly 33 keypoints and the score is a probability. */
  public Pose {
    keypoints = List.copyOf(keypoints);
    if (keypoints.size() != LANDMARKS) {
      throw new IllegalArgumentException(
          "a pose has "
              + LANDMARKS
              + " keypoints in BlazePose order (got "
              + keypoints.size()
              + ")");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("pose score must be between 0 and 1 (was " + score + ")");
    }
  }

  /** Returns the keypoint of {@code landmark}. */
  public Keypoint get(Landmark landmark) {
    return keypoints.get(landmark.index());
  }
}
