package dev.slipstream.vision.detect.onnx;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import java.nio.FloatBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The map between a frame and a model input of fixed size that keeps the frame's aspect: scaled to
 * fit, centred, the bands on either side filled with grey 114/255 (as YOLO exports are trained).
 *
 * <p>Coordinates are continuous pixel coordinates (a pixel's centre is at +0.5), so {@link
 * #toFrame} is the exact inverse of the scaling that {@link #fill} samples with, and a box edge on
 * a pixel boundary in the frame lands on the same boundary after the round trip.
 *
 * @param frameWidth frame width in pixels
 * @param frameHeight frame height in pixels
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param scale input pixels per frame pixel
 * @param padX width of the left band, input pixels
 * @param padY height of the top band, input pixels
 */
record Letterbox(
    int frameWidth,
    int frameHeight,
    int inputWidth,
    int inputHeight,
    double scale,
    double padX,
    double padY) {

  /** The grey of the bands, as a fraction of full scale. */
  static final float PAD = 114f / 255f;

  /** Returns the letterbox of a {@code frameWidth × frameHeight} frame in the model's input. */
  static Letterbox of(int frameWidth, int frameHeight, int inputWidth, int inputHeight) {
    double scale = Math.min((double) inputWidth / frameWidth, (double) inputHeight / frameHeight);
    return new Letterbox(
        frameWidth,
        frameHeight,
        inputWidth,
        inputHeight,
        scale,
        (inputWidth - frameWidth * scale) / 2,
        (inputHeight - frameHeight * scale) / 2);
  }

  /**
   * Writes the frame into {@code chw} as planar RGB floats in [0, 1], channel after channel, rows
   * top first, resampled bilinearly; positions outside the frame get the band grey.
   */
  void fill(VideoFrame frame, FloatBuffer chw) {
    byte[] bgr = frame.bgr();
    int plane = inputWidth * inputHeight;
    int stride = frameWidth * 3;
    for (int v = 0; v < inputHeight; v++) {
      double sy = (v + 0.5 - padY) / scale - 0.5;
      boolean rowInside = sy > -0.5 && sy < frameHeight - 0.5;
      int y0 = clamp((int) Math.floor(sy), frameHeight);
      int y1 = clamp(y0 + 1, frameHeight);
      double fy = Math.min(1, Math.max(0, sy - Math.floor(sy)));
      for (int u = 0; u < inputWidth; u++) {
        int at = v * inputWidth + u;
        double sx = (u + 0.5 - padX) / scale - 0.5;
        if (!rowInside || sx <= -0.5 || sx >= frameWidth - 0.5) {
          chw.put(at, PAD).put(plane + at, PAD).put(2 * plane + at, PAD);
          continue;
        }
        int x0 = clamp((int) Math.floor(sx), frameWidth);
        int x1 = clamp(x0 + 1, frameWidth);
        double fx = Math.min(1, Math.max(0, sx - Math.floor(sx)));
        int a = y0 * stride + x0 * 3;
        int b = y0 * stride + x1 * 3;
        int c = y1 * stride + x0 * 3;
        int d = y1 * stride + x1 * 3;
        for (int channel = 0; channel < 3; channel++) {
          // Planes are R, G, B; the frame's bytes are B, G, R.
          int k = 2 - channel;
          double top = (bgr[a + k] & 0xFF) * (1 - fx) + (bgr[b + k] & 0xFF) * fx;
          double bottom = (bgr[c + k] & 0xFF) * (1 - fx) + (bgr[d + k] & 0xFF) * fx;
          chw.put(channel * plane + at, (float) ((top * (1 - fy) + bottom * fy) / 255));
        }
      }
    }
  }

  /**
   * Returns the frame box of a box given by its corners in input pixels, cut to the frame; null
   * when nothing of it is on the frame.
   */
  @Nullable PixelBox toFrame(double x1, double y1, double x2, double y2) {
    double left = Math.max(0, (Math.min(x1, x2) - padX) / scale);
    double top = Math.max(0, (Math.min(y1, y2) - padY) / scale);
    double right = Math.min(frameWidth, (Math.max(x1, x2) - padX) / scale);
    double bottom = Math.min(frameHeight, (Math.max(y1, y2) - padY) / scale);
    if (!(right > left && bottom > top)) {
      return null;
    }
    return new PixelBox(left, top, right - left, bottom - top);
  }

  private static int clamp(int value, int size) {
    return Math.max(0, Math.min(size - 1, value));
  }
}
