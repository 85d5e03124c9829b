package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * A person left a zone.
 *
 * @param trackId the person
 * @param mediaTimeUs when they crossed the zone's edge (interpolated between frames)
 * @param position where they were when the exit was confirmed
 * @param speedMps their speed then
 * @param zoneId the zone left
 */
public record ZoneExited(
    int trackId, long mediaTimeUs, GroundPoint position, double speedMps, String zoneId)
    implements VisionEvent {}
