/**
 * Points and boxes the vision pipeline passes between its stages: {@link
 * dev.slipstream.vision.geometry.PixelPoint} and {@link dev.slipstream.vision.geometry.PixelBox} on
 * the frame (pixels, origin top-left, y down) and {@link
 * dev.slipstream.vision.geometry.GroundPoint} in the stream's calibrated ground plane (metres).
 */
@NullMarked
package dev.slipstream.vision.geometry;

import org.jspecify.annotations.NullMarked;
