package dev.slipstream.vision.analytics;

import dev.slipstream.vision.events.VisionEvent;
import java.util.List;

/**
 * What the analysis made of one frame.
 *
 * @param frameIndex position of the frame among those analysed, from 0
 * @param mediaTimeUs the frame's presentation timestamp
 * @param tracks every live track, in id order
 * @param events events detected on this frame, including tracks lost
 */
public record FrameAnalysis(
    long frameIndex, long mediaTimeUs, List<TrackAnalysis> tracks, List<VisionEvent> events) {

  /** Copies the lists so the analysis cannot change afterwards. */
  public FrameAnalysis {
    tracks = List.copyOf(tracks);
    events = List.copyOf(events);
  }
}
