/**
 * Body poses as the pose stage reports them: 33 {@link dev.slipstream.vision.pose.Keypoint
 * keypoints} in MediaPipe BlazePose order (see {@link dev.slipstream.vision.pose.Landmark}), in
 * frame pixels.
 */
@NullMarked
package dev.slipstream.vision.pose;

import org.jspecify.annotations.NullMarked;
