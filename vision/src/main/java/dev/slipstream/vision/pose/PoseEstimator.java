package dev.slipstream.vision.pose;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import java.util.Optional;

/**
 * Finds the body pose of one tracked person: the pipeline's pose stage, called once per tracked
 * person with the person's box on the frame. One instance serves one stream, from one thread.
 */
public interface PoseEstimator extends AutoCloseable {

  /**
   * Returns the pose of the person in {@code box} (keypoints in the frame's pixels), or empty when
   * the model finds no body there.
   */
  Optional<Pose> estimate(VideoFrame frame, PixelBox box);

  /** A short name for metrics and logs, e.g. {@code blazepose-full}. */
  String name();

  /** Frees native resources; the estimator is unusable afterwards. */
  @Override
  void close();
}
