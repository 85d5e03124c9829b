package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * Something that happened to one tracked person, with the measurements that showed it. The media
 * time is when it happened, which can be earlier than the frame it was detected on when the
 * detector needed later frames to be sure.
 */
public sealed interface VisionEvent
    permits SprintStarted,
        SprintStopped,
        SpeedThresholdCrossed,
        Jumped,
        ZoneEntered,
        ZoneExited,
        TrackLost {

  /** Returns the track the event happened to. */
  int trackId();

  /** Returns the media time the event happened at, in microseconds. */
  long mediaTimeUs();

  /** Returns where on the ground the person was, in metres. */
  GroundPoint position();

  /** Returns the person's speed when the event triggered, in metres per second. */
  double speedMps();
}
