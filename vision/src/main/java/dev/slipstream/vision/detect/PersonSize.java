package dev.slipstream.vision.detect;

import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.Homography;
import org.jspecify.annotations.Nullable;

/**
 * How tall a person appears at a place on the frame: from the calibration where there is one (a
 * person of a given height in metres, scaled by the ground's metres per pixel at their feet), from
 * fixed pixel limits otherwise or where the feet have no place on the ground.
 */
final class PersonSize {
  /** A typical adult's height, the size a blob is scored against. */
  private static final double TYPICAL_HEIGHT_M = 1.75;

  private final BackgroundSubtractionSettings settings;
  private final @Nullable Homography calibration;

  PersonSize(BackgroundSubtractionSettings settings, @Nullable Homography calibration) {
    this.settings = settings;
    this.calibration = calibration;
  }

  /** The pixel heights a person can have with their feet at one place. */
  record Limits(double minPx, double maxPx, double typicalPx, boolean calibrated) {

    /**
     * Returns how well {@code heightPx} fits a person: 1 near typical, lower towards the limits.
     */
    double fit(double heightPx) {
      if (!calibrated) {
        return 1;
      }
      double ratio = heightPx / typicalPx;
      // Full marks within ±25 % of a typical adult, falling to 0.3 at the limits.
      if (ratio >= 0.75 && ratio <= 1.25) {
        return 1;
      }
      double edge = ratio < 0.75 ? minPx / typicalPx : maxPx / typicalPx;
      double inner = ratio < 0.75 ? 0.75 : 1.25;
      double along = Math.min(1, Math.abs(ratio - inner) / Math.max(1e-9, Math.abs(edge - inner)));
      return 1 - 0.7 * along;
    }

    boolean admits(double heightPx) {
      return heightPx >= minPx && heightPx <= maxPx;
    }
  }

  Limits at(PixelPoint feet) {
    Homography h = calibration;
    if (h != null
        && h.isOnGround(new PixelPoint(feet.x() - 0.5, feet.y()))
        && h.isOnGround(new PixelPoint(feet.x() + 0.5, feet.y()))) {
      double metresPerPixel = h.metresPerPixelAt(feet);
      if (metresPerPixel > 0 && Double.isFinite(metresPerPixel)) {
        return new Limits(
            settings.minHeightM() / metresPerPixel,
            settings.maxHeightM() / metresPerPixel,
            TYPICAL_HEIGHT_M / metresPerPixel,
            true);
      }
    }
    return new Limits(
        settings.minHeightPx(),
        settings.maxHeightPx(),
        (settings.minHeightPx() + settings.maxHeightPx()) / 2.0,
        false);
  }
}
