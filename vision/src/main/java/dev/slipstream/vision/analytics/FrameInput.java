package dev.slipstream.vision.analytics;

import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.track.Detection;
import java.util.List;
import java.util.Map;

/**
 * What the detector and pose model found on one frame.
 *
 * @param mediaTimeUs the frame's presentation timestamp; must increase from frame to frame
 * @param detections the people detected
 * @param posesByDetection the pose found for a detection, keyed by its index in {@code detections};
 *     detections without a pose are simply absent
 */
public record FrameInput(
    long mediaTimeUs, List<Detection> detections, Map<Integer, Pose> posesByDetection) {

  /** Copies the collections and checks every pose belongs to a detection. */
  public FrameInput {
    detections = List.copyOf(detections);
    posesByDetection = Map.copyOf(posesByDetection);
    for (int index : posesByDetection.keySet()) {
      if (index < 0 || index >= detections.size()) {
        throw new IllegalArgumentException(
            "pose for detection "
                + index
                + " but the frame has "
                + detections.size()
                + " detections");
      }
    }
  }

  /** Returns a frame with detections only. */
  public static FrameInput of(long mediaTimeUs, List<Detection> detections) {
    return new FrameInput(mediaTimeUs, detections, Map.of());
  }
}
