package dev.slipstream.vision.detect;

import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;

/**
 * A group of foreground pixels: one connected component of the mask, or several merged as parts of
 * one body.
 *
 * @param x left edge, in pixels
 * @param y top edge
 * @param width width, at least 1
 * @param height height, at least 1
 * @param area foreground pixels in it
 */
record Blob(int x, int y, int width, int height, int area) {

  int right() {
    return x + width;
  }

  int bottom() {
    return y + height;
  }

  /** Returns the fraction of the box the foreground fills. */
  double fill() {
    return area / (double) (width * height);
  }

  PixelPoint feet() {
    return new PixelPoint(x + width / 2.0, bottom());
  }

  PixelBox box() {
    return new PixelBox(x, y, width, height);
  }

  /** Returns the blob covering both, with both areas. */
  Blob union(Blob other) {
    int left = Math.min(x, other.x);
    int top = Math.min(y, other.y);
    return new Blob(
        left,
        top,
        Math.max(right(), other.right()) - left,
        Math.max(bottom(), other.bottom()) - top,
        area + other.area);
  }
}
