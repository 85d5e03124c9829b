package dev.slipstream.vision.detect;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.track.Detection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds people on a frame: the first stage of the pipeline. Implementations: background subtraction
 * for wide shots, the BlazePose person detector for close shots, and a user-supplied ONNX model.
 * One instance serves one stream and is called from one thread, frame after frame, so it may keep
 * state (a background model) between calls.
 */
public interface Detector extends AutoCloseable {

  /** Returns the people on {@code frame}, boxes in its pixels; empty when there are none. */
  List<Detection> detect(VideoFrame frame);

  /**
   * Takes the stream's calibration (null when it has none), for detectors that judge a person's
   * size in metres; called on the detector's thread between frames. Ignored by default.
   */
  default void calibrate(@Nullable Homography calibration) {}

  /** A short name for metrics and logs, e.g. {@code mog2}. */
  String name();

  /** Frees native resources; the detector is unusable afterwards. */
  @Override
  void close();
}
