package dev.slipstream.vision.pipeline;

import dev.slipstream.vision.detect.FrameRejectedException;
import java.util.Locale;

/** Why the pipeline let a frame go without an analytics frame; each is counted. */
public enum SkipReason {
  /** A newer frame arrived while this one waited: the pipeline keeps up by skipping. */
  SUPERSEDED,
  /** The frame's media time was not after the last processed frame's. */
  OUT_OF_ORDER,
  /** The frame's size differs from the stream's first frame, which the calibration belongs to. */
  FRAME_SIZE_CHANGED,
  /** Most of the frame changed at once: a corrupt decode, a cut or a jolted camera. */
  FOREGROUND_FLOOD,
  /** The detector refused the frame for another reason it named. */
  DETECT_REJECTED,
  /** The detector failed on the frame. */
  DETECT_FAILED,
  /** The tracker failed on the frame. */
  TRACK_FAILED,
  /** The pose estimator failed on the frame. */
  POSE_FAILED,
  /** Measuring motion or gait failed on the frame. */
  KINEMATICS_FAILED,
  /** Detecting events failed on the frame. */
  EVENTS_FAILED,
  /** The frame was analysed but its analytics frame could not be built or the consumer threw. */
  OUTPUT_FAILED;

  /** Returns the reason as a snake_case code for metrics and logs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the reason a detector's rejection counts under. */
  static SkipReason of(FrameRejectedException rejection) {
    return switch (rejection.code()) {
      case FrameRejectedException.FRAME_SIZE_CHANGED -> FRAME_SIZE_CHANGED;
      case FrameRejectedException.FOREGROUND_FLOOD -> FOREGROUND_FLOOD;
      default -> DETECT_REJECTED;
    };
  }
}
