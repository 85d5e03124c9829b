package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * A person's speed rose above the sprint threshold and stayed there.
 *
 * @param trackId the person
 * @param mediaTimeUs when the speed first rose above the threshold
 * @param position where they were then
 * @param speedMps their speed then
 * @param accelerationMps2 their acceleration along the direction of travel then
 * @param thresholdMps the sprint threshold
 */
public record SprintStarted(
    int trackId,
    long mediaTimeUs,
    GroundPoint position,
    double speedMps,
    double accelerationMps2,
    double thresholdMps)
    implements VisionEvent {}
