package dev.slipstream.vision.detect;

import java.util.Objects;

/**
 * How {@link BackgroundSubtractionDetector} finds people; checked when made, with a message naming
 * the setting, its value and what is allowed.
 *
 * @param model which background model; MOG2 by default
 * @param history how many frames the background model remembers; a person standing still for about
 *     this long fades into the background; 10 to 10000
 * @param threshold how far a pixel must stray from its background to count as foreground: MOG2's
 *     squared Mahalanobis distance (OpenCV's default 16) or KNN's squared distance (default 400);
 *     above 0 and at most 10000
 * @param learningRate how fast the background adapts per frame, 0 (frozen) to 1 (only the last
 *     frame), or -1 for OpenCV's automatic rate of 1 / history
 * @param openKernelPx side of the square that morphological opening removes foreground specks
 *     smaller than (camera noise); 1 switches opening off; 1 to 15
 * @param closeWidthPx width of the rectangle that closing fills gaps with, joining the limbs and
 *     torso of one body; 1 to 31
 * @param closeHeightPx height of that rectangle, usually taller than wide since bodies are; 1 to 31
 * @param minHeightPx without a calibration, blobs shorter than this (in frame pixels) are not
 *     people; 2 to 4096
 * @param maxHeightPx without a calibration, blobs taller than this are not single people; {@code
 *     minHeightPx} to 4096
 * @param minHeightM with a calibration, blobs shorter than this many metres (at their feet's
 *     distance) are not people: 0.4 m keeps children and crouching athletes; 0.1 to 3
 * @param maxHeightM with a calibration, blobs taller than this many metres are not single people;
 *     {@code minHeightM} to 3
 * @param maxForegroundFraction a frame on which more than this fraction of the pixels is foreground
 *     is rejected as no longer the same scene (corrupt, cut, jolted camera); 0.05 to 1
 * @param mergeGapFraction fragments of one body stacked above each other are merged when the gap
 *     between them is at most this fraction of a person's height there; 0 to 1
 */
public record BackgroundSubtractionSettings(
    BackgroundModel model,
    int history,
    double threshold,
    double learningRate,
    int openKernelPx,
    int closeWidthPx,
    int closeHeightPx,
    int minHeightPx,
    int maxHeightPx,
    double minHeightM,
    double maxHeightM,
    double maxForegroundFraction,
    double mergeGapFraction) {

  /** Checks every value against its allowed range. */
  public BackgroundSubtractionSettings {
    Objects.requireNonNull(model, "model");
    requireBetween("detect.history", history, 10, 10_000);
    if (!(threshold > 0 && threshold <= 10_000)) {
      throw new IllegalArgumentException(
          "detect.threshold=" + threshold + ": must be above 0 and at most 10000");
    }
    if (!(learningRate == -1 || (learningRate >= 0 && learningRate <= 1))) {
      throw new IllegalArgumentException(
          "detect.learningRate=" + learningRate + ": must be -1 (automatic) or between 0 and 1");
    }
    requireBetween("detect.openKernelPx", openKernelPx, 1, 15);
    requireBetween("detect.closeWidthPx", closeWidthPx, 1, 31);
    requireBetween("detect.closeHeightPx", closeHeightPx, 1, 31);
    requireBetween("detect.minHeightPx", minHeightPx, 2, 4096);
    requireBetween("detect.maxHeightPx", maxHeightPx, minHeightPx, 4096);
    requireBetween("detect.minHeightM", minHeightM, 0.1, 3);
    requireBetween("detect.maxHeightM", maxHeightM, minHeightM, 3);
    requireBetween("detect.maxForegroundFraction", maxForegroundFraction, 0.05, 1);
    requireBetween("detect.mergeGapFraction", mergeGapFraction, 0, 1);
  }

  /**
   * Returns the defaults for a wide shot of 360 to 720 lines: MOG2 remembering 500 frames at
   * threshold 16 and the automatic learning rate, 2 px opening, a 3 × 7 px closing, people 12 to
   * 400 px or 0.4 to 2.2 m tall, frames more than half foreground rejected, fragments merged across
   * gaps of up to 30 % of a person's height.
   */
  public static BackgroundSubtractionSettings defaults() {
    return new BackgroundSubtractionSettings(
        BackgroundModel.MOG2, 500, 16, -1, 2, 3, 7, 12, 400, 0.4, 2.2, 0.5, 0.3);
  }

  /**
   * Returns a copy with the background model replaced, and the threshold set to that model's usual
   * one (16 for MOG2, 400 for KNN).
   */
  public BackgroundSubtractionSettings withModel(BackgroundModel value) {
    double usual = value == BackgroundModel.MOG2 ? 16 : 400;
    return new BackgroundSubtractionSettings(
        value,
        history,
        usual,
        learningRate,
        openKernelPx,
        closeWidthPx,
        closeHeightPx,
        minHeightPx,
        maxHeightPx,
        minHeightM,
        maxHeightM,
        maxForegroundFraction,
        mergeGapFraction);
  }

  /** Returns a copy with the pixel height limits used without a calibration replaced. */
  public BackgroundSubtractionSettings withHeightPx(int min, int max) {
    return new BackgroundSubtractionSettings(
        model,
        history,
        threshold,
        learningRate,
        openKernelPx,
        closeWidthPx,
        closeHeightPx,
        min,
        max,
        minHeightM,
        maxHeightM,
        maxForegroundFraction,
        mergeGapFraction);
  }

  /** Returns a copy with the learning rate replaced. */
  public BackgroundSubtractionSettings withLearningRate(double value) {
    return new BackgroundSubtractionSettings(
        model,
        history,
        threshold,
        value,
        openKernelPx,
        closeWidthPx,
        closeHeightPx,
        minHeightPx,
        maxHeightPx,
        minHeightM,
        maxHeightM,
        maxForegroundFraction,
        mergeGapFraction);
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + "=" + value + ": must be between " + min + " and " + max);
    }
  }

  private static void requireBetween(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + "=" + value + ": must be between " + min + " and " + max);
    }
  }
}
