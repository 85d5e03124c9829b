package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * A person entered a zone.
 *
 * @param trackId the person
 * @param mediaTimeUs when they crossed the zone's edge (interpolated between frames)
 * @param position where they were when the entry was confirmed
 * @param speedMps their speed then
 * @param zoneId the zone entered
 */
public record ZoneEntered(
    int trackId, long mediaTimeUs, GroundPoint position, double speedMps, String zoneId)
    implements VisionEvent {}
