/**
 * Multi-object tracking in the style of ByteTrack: {@link dev.slipstream.vision.track.ByteTracker}
 * turns each frame's person {@link dev.slipstream.vision.track.Detection detections} into {@link
 * dev.slipstream.vision.track.TrackedObject tracks} with ids that stay with a person across frames
 * and are never reused in a stream, coasting through short occlusions, and reports the tracks it
 * gives up on as {@link dev.slipstream.vision.track.LostTrack}. Box motion is a constant-velocity
 * Kalman filter predicted over the real time between frames; association is optimal (Hungarian) on
 * the overlap of buffered boxes, first for confident detections, then for weak ones.
 */
@NullMarked
package dev.slipstream.vision.track;

import org.jspecify.annotations.NullMarked;
