package dev.slipstream.vision.track;

import dev.slipstream.vision.geometry.PixelBox;
import java.util.Objects;

/**
 * One person the detector found on a frame.
 *
 * @param box where the person is, in pixels
 * @param score detector confidence, 0 to 1
 */
public record Detection(PixelBox box, double score) {

  /** Checks the score is a probability. */
  public Detection {
    Objects.requireNonNull(box, "box");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(
          "detection score must be between 0 and 1 (was " + score + ")");
    }
  }
}
