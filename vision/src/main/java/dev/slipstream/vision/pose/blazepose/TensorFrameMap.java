package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.geometry.PixelPoint;

/**
 * The affine map from a square model input to the frame: a point at tensor coordinates {@code (tx,
 * ty)} (in input pixels, the top-left corner at 0, pixel centres at {@code i + 0.5}) lies on the
 * frame at {@code origin + tx·u + ty·v}. The same map turns the picture into the input tensor and
 * the model's outputs back into frame pixels, so the two cannot disagree.
 *
 * @param originX frame x of the input's top-left corner
 * @param originY frame y of the input's top-left corner
 * @param uX frame x step of one input pixel to the right
 * @param uY frame y step of one input pixel to the right
 * @param vX frame x step of one input pixel down
 * @param vY frame y step of one input pixel down
 * @param size the input's width and height in pixels
 */
record TensorFrameMap(
    double originX, double originY, double uX, double uY, double vX, double vY, int size) {

  /**
   * Returns the map that fits a whole {@code width × height} frame into a {@code size × size} input
   * keeping its aspect ratio, centred, with the rest padded (MediaPipe's letterbox).
   */
  static TensorFrameMap letterbox(int width, int height, int size) {
    double scale = Math.min((double) size / width, (double) size / height);
    double padX = (size - width * scale) / 2;
    double padY = (size - height * scale) / 2;
    return new TensorFrameMap(-padX / scale, -padY / scale, 1 / scale, 0, 0, 1 / scale, size);
  }

  /**
   * Returns the map that samples the square {@code region} (turned by its rotation) into a {@code
   * size × size} input, as MediaPipe's {@code ImageToTensorCalculator} does for a rotated rect.
   */
  static TensorFrameMap region(RegionOfInterest region, int size) {
    double step = region.side() / size;
    double cos = Math.cos(region.rotation());
    double sin = Math.sin(region.rotation());
    double half = region.side() / 2;
    return new TensorFrameMap(
        region.centreX() - half * cos + half * sin,
        region.centreY() - half * sin - half * cos,
        step * cos,
        step * sin,
        -step * sin,
        step * cos,
        size);
  }

  /** Returns the frame x of tensor point {@code (tx, ty)}. */
  double frameX(double tx, double ty) {
    return originX + tx * uX + ty * vX;
  }

  /** Returns the frame y of tensor point {@code (tx, ty)}. */
  double frameY(double tx, double ty) {
    return originY + tx * uY + ty * vY;
  }

  /** Returns the frame point of tensor point {@code (tx, ty)}. */
  PixelPoint toFrame(double tx, double ty) {
    return new PixelPoint(frameX(tx, ty), frameY(tx, ty));
  }

  /** Returns how many frame pixels one input pixel spans. */
  double frameStep() {
    return Math.hypot(uX, uY);
  }
}
