package dev.slipstream.vision.geometry;

/**
 * A position on the frame in pixels, origin at the top-left corner, y growing downwards.
 *
 * @param x horizontal position
 * @param y vertical position
 */
public record PixelPoint(double x, double y) {

  /** Returns whether both coordinates are finite numbers. */
  public boolean isFinite() {
    return Double.isFinite(x) && Double.isFinite(y);
  }

  /** Returns the straight-line distance to {@code other} in pixels. */
  public double distanceTo(PixelPoint other) {
    return Math.hypot(x - other.x, y - other.y);
  }
}
