package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;

/**
 * A person jumped: both feet left the ground and the hips rose well above their running height,
 * then the person landed.
 *
 * @param trackId the person
 * @param mediaTimeUs when they took off
 * @param position where they took off
 * @param speedMps their speed at take-off
 * @param heightM how far the hips rose above their height on the ground, at the peak
 * @param flightTimeMs time in the air
 * @param landedAtUs when they landed
 */
public record Jumped(
    int trackId,
    long mediaTimeUs,
    GroundPoint position,
    double speedMps,
    double heightM,
    double flightTimeMs,
    long landedAtUs)
    implements VisionEvent {}
