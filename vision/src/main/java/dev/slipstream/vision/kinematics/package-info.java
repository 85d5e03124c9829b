/**
 * From pixels to metres: {@link dev.slipstream.vision.kinematics.Homography} maps the frame to the
 * stream's ground plane (fitted to calibration landmarks, refusing degenerate ones with a precise
 * message); {@link dev.slipstream.vision.kinematics.TrackMotion} turns a track's boxes into
 * smoothed position, speed, acceleration, distance and top speed, rejecting samples its {@link
 * dev.slipstream.vision.kinematics.SportProfile} says are impossible; {@link
 * dev.slipstream.vision.kinematics.GaitAnalyzer} turns its poses into joint angles, ground
 * contacts, stride length and cadence.
 */
@NullMarked
package dev.slipstream.vision.kinematics;

import org.jspecify.annotations.NullMarked;
