package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * A person's speed crossed a threshold a market or operator asked about.
 *
 * @param trackId the person
 * @param mediaTimeUs the frame on which the crossing was seen
 * @param position where they were
 * @param speedMps their speed: at least the threshold going up, below it going down
 * @param accelerationMps2 their acceleration along the direction of travel
 * @param thresholdMps the threshold crossed
 * @param upward whether the speed rose above the threshold (false: fell below it)
 */
public record SpeedThresholdCrossed(
    int trackId,
    long mediaTimeUs,
    GroundPoint position,
    double speedMps,
    double accelerationMps2,
    double thresholdMps,
    boolean upward)
    implements VisionEvent {}
