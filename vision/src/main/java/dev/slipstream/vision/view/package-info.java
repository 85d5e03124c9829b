/**
 * Each stream's view of the ground: the calibration points that fix its homography and the zones
 * vision watches, checked when built and stored per stream with a revision for safe editing.
 */
@NullMarked
package dev.slipstream.vision.view;

import org.jspecify.annotations.NullMarked;
