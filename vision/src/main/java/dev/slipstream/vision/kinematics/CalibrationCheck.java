package dev.slipstream.vision.kinematics;

import dev.slipstream.platform.InvalidInputException;
import java.util.List;

/**
 * Refuses calibrations that cannot determine a homography, each with its own code and a sentence
 * naming the points at fault (numbered from 1, as an operator lists them).
 *
 * <p>A plane-to-plane homography needs four points of which no three lie on one line, on both the
 * frame and the ground. Collinearity is judged on coordinates normalised to unit spread, so the
 * tolerance does not depend on pixels versus metres or on how far apart the points are.
 */
final class CalibrationCheck {
  /** Twice the area of a triangle, on normalised coordinates, below which it counts as flat. */
  private static final double FLAT_TRIANGLE = 1e-3;

  private CalibrationCheck() {}

  static void requireUsable(List<CalibrationPoint> points) {
    if (points.size() < 4) {
      throw new InvalidInputException(
          "calibration_too_few_points",
          "calibration needs at least 4 point pairs, no 3 of them on one line (got "
              + points.size()
              + ")");
    }
    for (int i = 0; i < points.size(); i++) {
      CalibrationPoint point = points.get(i);
      if (!point.image().isFinite() || !point.ground().isFinite()) {
        throw new InvalidInputException(
            "calibration_non_finite",
            "calibration point "
                + (i + 1)
                + " has a coordinate that is not a finite number ("
                + point
                + ")");
      }
    }
    requireGeneralPosition("image", normalised(points, true));
    requireGeneralPosition("ground", normalised(points, false));
  }

  private static void requireGeneralPosition(String side, double[][] xy) {
    int n = xy.length;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]) < 1e-6) {
          throw new InvalidInputException(
              "calibration_duplicate_points",
              "calibration "
                  + side
                  + " points "
                  + (i + 1)
                  + " and "
                  + (j + 1)
                  + " are the same point; every point pair must be a different landmark");
        }
      }
    }
    if (hasFourInGeneralPosition(xy)) {
      return;
    }
    if (n == 4) {
      int[] flat = firstFlatTriangle(xy);
      throw new InvalidInputException(
          "calibration_collinear_points",
          "calibration "
              + side
              + " points "
              + (flat[0] + 1)
              + ", "
              + (flat[1] + 1)
              + " and "
              + (flat[2] + 1)
              + " lie on one line; a homography needs 4 points with no 3 on a line");
    }
    throw new InvalidInputException(
        "calibration_collinear_points",
        "calibration "
            + side
            + " points have no 4 with no 3 on one line (all "
            + n
            + " lie on one or two lines); add landmarks spread over the field");
  }

  private static boolean hasFourInGeneralPosition(double[][] xy) {
    int n = xy.length;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        for (int c = b + 1; c < n; c++) {
          if (isFlat(xy, a, b, c)) {
            continue;
          }
          for (int d = c + 1; d < n; d++) {
            if (!isFlat(xy, a, b, d) && !isFlat(xy, a, c, d) && !isFlat(xy, b, c, d)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static int[] firstFlatTriangle(double[][] xy) {
    for (int a = 0; a < xy.length; a++) {
      for (int b = a + 1; b < xy.length; b++) {
        for (int c = b + 1; c < xy.length; c++) {
          if (isFlat(xy, a, b, c)) {
            return new int[] {a, b, c};
          }
        }
      }
    }
    throw new IllegalStateException("no flat triangle among points judged degenerate");
  }

  private static boolean isFlat(double[][] xy, int a, int b, int c) {
    double cross =
        (xy[b][0] - xy[a][0]) * (xy[c][1] - xy[a][1])
            - (xy[b][1] - xy[a][1]) * (xy[c][0] - xy[a][0]);
    return Math.abs(cross) < FLAT_TRIANGLE;
  }

  private static double[][] normalised(List<CalibrationPoint> points, boolean image) {
    double[][] xy = new double[points.size()][];
    for (int i = 0; i < points.size(); i++) {
      CalibrationPoint p = points.get(i);
      xy[i] =
          image
              ? new double[] {p.image().x(), p.image().y()}
              : new double[] {p.ground().x(), p.ground().y()};
    }
    double[] similarity = PointNormalisation.of(xy);
    double[][] result = new double[xy.length][];
    for (int i = 0; i < xy.length; i++) {
      result[i] = PointNormalisation.apply(similarity, xy[i][0], xy[i][1]);
    }
    return result;
  }
}
