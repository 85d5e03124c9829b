/**
 * BlazePose on TensorFlow Lite: {@link dev.slipstream.vision.pose.blazepose.BlazePoseDetector}, the
 * person detector for close shots, and {@link
 * dev.slipstream.vision.pose.blazepose.BlazePoseEstimator}, the 33-landmark pose estimator. The
 * MediaPipe models (Apache-2.0) are fetched with npm and verified by SHA-256 at build time, bundled
 * under {@code dev/slipstream/vision/pose/blazepose/models/} with their NOTICE and LICENSE, and
 * verified again when loaded.
 */
@NullMarked
package dev.slipstream.vision.pose.blazepose;

import org.jspecify.annotations.NullMarked;
