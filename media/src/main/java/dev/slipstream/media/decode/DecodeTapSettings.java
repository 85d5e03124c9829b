package dev.slipstream.media.decode;

import dev.slipstream.platform.InvalidInputException;

/**
 * What a decode tap delivers.
 *
 * @param framesPerSecond frames a second handed to the sink, at most (by media time), 1–60
 * @param width width of delivered frames in pixels, 32–3840 and even; the height follows the
 *     stream's aspect ratio, rounded to even
 */
public record DecodeTapSettings(int framesPerSecond, int width) {
  /** 15 frames a second, 640 pixels wide: what vision reads. */
  public static final DecodeTapSettings VISION = new DecodeTapSettings(15, 640);

  public DecodeTapSettings {
    if (framesPerSecond < 1 || framesPerSecond > 60) {
      throw new InvalidInputException(
          "invalid_tap_rate", "frames per second must be 1–60, not " + framesPerSecond);
    }
    if (width < 32 || width > 3840 || width % 2 != 0) {
      throw new InvalidInputException(
          "invalid_tap_width", "width must be an even number of pixels 32–3840, not " + width);
    }
  }

  /** Returns the height of a delivered frame for a decoded picture of the given size. */
  int heightFor(int pictureWidth, int pictureHeight) {
    long height = Math.round((double) width * pictureHeight / pictureWidth);
    return (int) Math.max(2, height + (height & 1));
  }
}
