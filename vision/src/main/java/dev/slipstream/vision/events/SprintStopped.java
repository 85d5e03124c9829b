package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * A sprinting person's speed fell below the sprint-stop threshold and stayed there.
 *
 * @param trackId the person
 * @param mediaTimeUs when the speed first fell below the threshold
 * @param position where they were then
 * @param speedMps their speed then
 * @param accelerationMps2 their acceleration along the direction of travel then
 * @param thresholdMps the sprint-stop threshold
 */
public record SprintStopped(
    int trackId,
    long mediaTimeUs,
    GroundPoint position,
    double speedMps,
    double accelerationMps2,
    double thresholdMps)
    implements VisionEvent {}
