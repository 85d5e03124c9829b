package dev.slipstream.vision.geometry;

/**
 * An axis-aligned rectangle on the frame, in pixels.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, not negative
 * @param height height, not negative
 */
public record PixelBox(double x, double y, double width, double height) {

  /** Checks the box is finite and not inside out. */
  public PixelBox {
    if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width))
        || !Double.isFinite(height)) {
      throw new IllegalArgumentException(
          "box must have finite coordinates (was "
              + x
              + ", "
              + y
              + ", "
              + width
              + ", "
              + height
              + ")");
    }
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException(
          "box width and height must not be negative (was " + width + " x " + height + ")");
    }
  }

  /** Returns the box with the given centre and size. */
  public static PixelBox centredAt(double centreX, double centreY, double width, double height) {
    return new PixelBox(centreX - width / 2, centreY - height / 2, width, height);
  }

  /** Returns the horizontal centre. */
  public double centreX() {
    return x + width / 2;
  }

  /** Returns the vertical centre. */
  public double centreY() {
    return y + height / 2;
  }

  /** Returns the bottom edge. */
  public double bottom() {
    return y + height;
  }

  /** Returns the right edge. */
  public double right() {
    return x + width;
  }

  /** Returns the area in square pixels. */
  public double area() {
    return width * height;
  }

  /**
   * Returns the middle of the bottom edge: where a standing person's feet meet the ground, the
   * point the calibration maps to the ground plane.
   */
  public PixelPoint bottomCentre() {
    return new PixelPoint(centreX(), bottom());
  }

  /** Returns the box grown by {@code fraction} of its width and height on every side. */
  public PixelBox grownBy(double fraction) {
    return new PixelBox(
        x - width * fraction,
        y - height * fraction,
        width * (1 + 2 * fraction),
        height * (1 + 2 * fraction));
  }

  /** Returns the area of overlap divided by the area of the union, 0 when they do not touch. */
  public double intersectionOverUnion(PixelBox other) {
    double overlapWidth = Math.min(right(), other.right()) - Math.max(x, other.x);
    double overlapHeight = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
    if (overlapWidth <= 0 || overlapHeight <= 0) {
      return 0;
    }
    double overlap = overlapWidth * overlapHeight;
    double union = area() + other.area() - overlap;
    return union <= 0 ? 0 : overlap / union;
  }
}
