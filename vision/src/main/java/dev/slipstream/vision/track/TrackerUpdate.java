package dev.slipstream.vision.track;

import java.util.List;

/**
 * What the tracker made of one frame.
 *
 * @param mediaTimeUs the frame's media time
 * @param tracks every live track (tentative, confirmed and coasting), in id order
 * @param lost confirmed tracks given up on at this frame
 */
public record TrackerUpdate(long mediaTimeUs, List<TrackedObject> tracks, List<LostTrack> lost) {

  /** Copies the lists so the update cannot change afterwards. */
  public TrackerUpdate {
    tracks = List.copyOf(tracks);
    lost = List.copyOf(lost);
  }
}
