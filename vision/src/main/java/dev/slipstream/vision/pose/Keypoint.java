package dev.slipstream.vision.pose;

import dev.slipstream.vision.geometry.PixelPoint;

/**
 * One body landmark on the frame.
 *
 * @param x horizontal position, in pixels
 * @param y vertical position, in pixels
 * @param z depth relative to the hips' midpoint, in the scale of x; smaller is nearer
 * @param visibility likelihood that the landmark is visible (not occluded), 0 to 1
 */
public record Keypoint(double x, double y, double z, double visibility) {

  /** Returns the position on the frame. */
  public PixelPoint point() {
    return new PixelPoint(x, y);
  }

  /** Returns whether the landmark is at least {@code minVisibility} visible and finite. */
  public boolean isVisible(double minVisibility) {
    return visibility >= minVisibility && Double.isFinite(x) && Double.isFinite(y);
  }
}
