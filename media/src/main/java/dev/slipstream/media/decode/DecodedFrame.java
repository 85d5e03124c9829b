package dev.slipstream.media.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;

/**
 * One decoded, scaled video frame of a live stream.
 *
 * @param streamId the stream
 * @param index the frame's position among the frames this tap delivered or dropped, from 0
 * @param mediaTimeMicros the stream's media time of the frame, the key analytics are drawn by
 * @param arrivedAt when the last packet of the frame reached the server
 * @param decodedAt when the frame was decoded and scaled
 * @param width width in pixels
 * @param height height in pixels
 * @param bgr packed BGR, 3 bytes a pixel, {@code width × 3} bytes a row, top row first
 */
public record DecodedFrame(
    String streamId,
    long index,
    long mediaTimeMicros,
    Instant arrivedAt,
    Instant decodedAt,
    int width,
    int height,
    byte[] bgr) {

  public DecodedFrame {
    if (bgr.length != width * height * 3) {
      throw new IllegalArgumentException(
          "a "
              + width
              + "×"
              + height
              + " BGR frame has "
              + width * height * 3
              + " bytes, not "
              + bgr.length);
    }
  }

  /** Returns the frame as an image sharing its pixels. */
  public BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(bgr, 0, target, 0, bgr.length);
    return image;
  }
}
