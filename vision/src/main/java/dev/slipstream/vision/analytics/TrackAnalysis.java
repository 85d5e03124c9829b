package dev.slipstream.vision.analytics;

import dev.slipstream.vision.kinematics.FeetLift;
import dev.slipstream.vision.kinematics.GaitSample;
import dev.slipstream.vision.kinematics.MotionEstimate;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.track.TrackedObject;
import org.jspecify.annotations.Nullable;

/**
 * One track on one frame with everything measured about it.
 *
 * @param track the track's id, state and box
 * @param motion its ground motion (predicted forward while coasting), or null while none is known
 * @param pose its pose on this frame, or null when none was found
 * @param gait its gait from that pose, or null without one
 * @param lift how far its body is off the ground by its box, or null when it was not seen
 */
public record TrackAnalysis(
    TrackedObject track,
    @Nullable MotionEstimate motion,
    @Nullable Pose pose,
    @Nullable GaitSample gait,
    FeetLift.@Nullable Sample lift) {}
