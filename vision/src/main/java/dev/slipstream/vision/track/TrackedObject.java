package dev.slipstream.vision.track;

import dev.slipstream.vision.geometry.PixelBox;

/**
 * One track as the tracker sees it after a frame.
 *
 * @param trackId id that stays with the person for the whole stream and is never reused
 * @param state how far the tracker trusts the track
 * @param box the Kalman-filtered box on this frame (predicted while coasting)
 * @param detectionIndex index into the frame's detection list of the detection matched to the track
 *     on this frame, or -1 when none was (coasting)
 * @param score confidence of the detection last matched to the track
 * @param hits how many frames the track has been matched on
 * @param firstSeenUs media time of the frame the track started on
 * @param lastSeenUs media time of the last frame the track was matched on
 */
public record TrackedObject(
    int trackId,
    TrackState state,
    PixelBox box,
    int detectionIndex,
    double score,
    int hits,
    long firstSeenUs,
    long lastSeenUs) {

  /** Returns whether a detection was matched to the track on this frame. */
  public boolean isMatched() {
    return detectionIndex >= 0;
  }
}
