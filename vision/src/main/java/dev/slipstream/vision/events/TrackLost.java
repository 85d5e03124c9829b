package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * The tracker gave up on a person it had confirmed; their id is never used again.
 *
 * @param trackId the person
 * @param mediaTimeUs the frame on which the tracker gave up
 * @param position where they were last measured
 * @param speedMps their last measured speed
 * @param lastSeenUs the last frame they were detected on
 */
public record TrackLost(
    int trackId, long mediaTimeUs, GroundPoint position, double speedMps, long lastSeenUs)
    implements VisionEvent {}
