package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.frame.VideoFrame;

/**
 * Fills a model's input tensor (height × width × RGB floats) from a BGR frame through a {@link
 * TensorFrameMap}, with bilinear interpolation like OpenCV's {@code warpAffine(INTER_LINEAR)} that
 * MediaPipe uses. Outside the frame it either repeats the edge pixels (the landmark model's crop
 * near a border) or reads black (the detector's letterbox padding).
 */
final class TensorSampler {

  /** What the sampler reads outside the frame. */
  enum Border {
    /** The nearest edge pixel, as OpenCV's {@code BORDER_REPLICATE}. */
    REPLICATE,
    /** Black, as OpenCV's {@code BORDER_CONSTANT} with 0. */
    BLACK
  }

  private TensorSampler() {}

  /**
   * Writes {@code map.size()²} RGB pixels into {@code out}, each channel scaled from 0..255 to
   * {@code min..max}.
   */
  static void fill(
      VideoFrame frame, TensorFrameMap map, Border border, float min, float max, float[] out) {
    int size = map.size();
    int width = frame.width();
    int height = frame.height();
    byte[] bgr = frame.bgr();
    float scale = (max - min) / 255f;
    boolean replicate = border == Border.REPLICATE;
    int next = 0;
    for (int v = 0; v < size; v++) {
      // frame position of pixel centre (0.5, v + 0.5), moved to OpenCV's pixel-centre convention
      double x = map.frameX(0.5, v + 0.5) - 0.5;
      double y = map.frameY(0.5, v + 0.5) - 0.5;
      for (int u = 0; u < size; u++, x += map.uX(), y += map.uY()) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float wx = (float) (x - x0);
        float wy = (float) (y - y0);
        int i00 = index(x0, y0, width, height, replicate);
        int i10 = index(x0 + 1, y0, width, height, replicate);
        int i01 = index(x0, y0 + 1, width, height, replicate);
        int i11 = index(x0 + 1, y0 + 1, width, height, replicate);
        for (int channel = 2; channel >= 0; channel--) {
          float top = lerp(read(bgr, i00, channel), read(bgr, i10, channel), wx);
          float bottom = lerp(read(bgr, i01, channel), read(bgr, i11, channel), wx);
          out[next++] = min + lerp(top, bottom, wy) * scale;
        }
      }
    }
  }

  /** Returns the byte offset of pixel (x, y), or -1 for black outside the frame. */
  private static int index(int x, int y, int width, int height, boolean replicate) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      if (!replicate) {
        return -1;
      }
      x = Math.clamp(x, 0, width - 1);
      y = Math.clamp(y, 0, height - 1);
    }
    return (y * width + x) * 3;
  }

  private static float read(byte[] bgr, int index, int channel) {
    return index < 0 ? 0 : bgr[index + channel] & 0xff;
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }
}
