package dev.slipstream.vision.frame;

import java.util.Objects;

/**
 * One decoded video frame as the vision pipeline takes it: packed BGR, 3 bytes a pixel, {@code
 * width × 3} bytes a row, top row first (OpenCV's {@code CV_8UC3}). The media plane's decode tap
 * delivers frames in this layout; files and tests make them too.
 *
 * @param mediaTimeMicros the stream's media time of the frame, the key its analytics carry
 * @param capturedAtUnixMicros wall clock when the frame reached the server (or was read)
 * @param width width in pixels
 * @param height height in pixels
 * @param bgr the pixels; the pipeline never writes them
 */
public record VideoFrame(
    long mediaTimeMicros, long capturedAtUnixMicros, int width, int height, byte[] bgr) {

  /** Checks the pixel buffer matches the size. */
  public VideoFrame {
    Objects.requireNonNull(bgr, "bgr");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "a frame is at least 1×1 (was " + width + "×" + height + ")");
    }
    if (bgr.length != width * height * 3) {
      throw new IllegalArgumentException(
          "a "
              + width
              + "×"
              + height
              + " BGR frame has "
              + width * height * 3
              + " bytes (got "
              + bgr.length
              + ")");
    }
  }
}
