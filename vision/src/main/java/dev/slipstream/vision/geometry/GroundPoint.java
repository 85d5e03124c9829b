package dev.slipstream.vision.geometry;

/**
 * A position (or, where a field says so, a velocity or acceleration) in the ground plane, in
 * metres.
 *
 * @param x along the field's length
 * @param y across the field's width
 */
public record GroundPoint(double x, double y) {

  /** The origin of the ground plane. */
  public static final GroundPoint ORIGIN = new GroundPoint(0, 0);

  /** Returns whether both coordinates are finite numbers. */
  public boolean isFinite() {
    return Double.isFinite(x) && Double.isFinite(y);
  }

  /** Returns the straight-line distance to {@code other}. */
  public double distanceTo(GroundPoint other) {
    return Math.hypot(x - other.x, y - other.y);
  }

  /** Returns the length of this vector. */
  public double length() {
    return Math.hypot(x, y);
  }

  /** Returns this vector minus {@code other}. */
  public GroundPoint minus(GroundPoint other) {
    return new GroundPoint(x - other.x, y - other.y);
  }

  /** Returns this vector plus {@code other}. */
  public GroundPoint plus(GroundPoint other) {
    return new GroundPoint(x + other.x, y + other.y);
  }

  /** Returns this vector scaled by {@code factor}. */
  public GroundPoint times(double factor) {
    return new GroundPoint(x * factor, y * factor);
  }

  /** Returns the dot product with {@code other}. */
  public double dot(GroundPoint other) {
    return x * other.x + y * other.y;
  }
}
