package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.PixelPoint;
import org.jspecify.annotations.Nullable;

/**
 * Gait and joint measurements of one track on one frame, from its pose.
 *
 * @param mediaTimeUs the frame's media time
 * @param angles joint angles on this frame
 * @param contact which feet touch the ground on this frame
 * @param lastContactMs duration of the last completed ground contact, or NaN before the first
 * @param strideLengthM length of the last completed stride (successive contacts of one foot), or
 *     NaN before the first
 * @param cadenceSpm steps per minute over the last steps, or NaN before two steps
 * @param hipCentre midpoint of the hips on the frame, or null when they were not visible
 * @param metresPerPixel ground scale at the person's feet, to turn heights on the frame into
 *     metres; NaN when the feet were not visible
 */
public record GaitSample(
    long mediaTimeUs,
    JointAngles angles,
    FootContact contact,
    double lastContactMs,
    double strideLengthM,
    double cadenceSpm,
    @Nullable PixelPoint hipCentre,
    double metresPerPixel) {}
