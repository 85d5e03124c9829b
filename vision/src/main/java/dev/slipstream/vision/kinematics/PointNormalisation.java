package dev.slipstream.vision.kinematics;

/**
 * Hartley's normalisation for the DLT: a translation and uniform scale taking a point set to its
 * centroid at the origin and a mean distance of √2 from it, which keeps the fit's normal matrix
 * well conditioned whether coordinates are in hundreds of pixels or tens of metres.
 */
final class PointNormalisation {
  private PointNormalisation() {}

  /** Returns {scale, offsetX, offsetY}: normalised = scale · point + offset. */
  static double[] of(double[][] xy) {
    double meanX = 0;
    double meanY = 0;
    for (double[] p : xy) {
      meanX += p[0];
      meanY += p[1];
    }
    meanX /= xy.length;
    meanY /= xy.length;
    double meanDistance = 0;
    for (double[] p : xy) {
      meanDistance += Math.hypot(p[0] - meanX, p[1] - meanY);
    }
    meanDistance /= xy.length;
    double scale = meanDistance > 0 ? Math.sqrt(2) / meanDistance : 1;
    return new double[] {scale, -scale * meanX, -scale * meanY};
  }

  static double[] apply(double[] similarity, double x, double y) {
    return new double[] {similarity[0] * x + similarity[1], similarity[0] * y + similarity[2]};
  }

  /** Returns the similarity as a row-major 3×3 matrix. */
  static double[] matrix(double[] similarity) {
    return new double[] {similarity[0], 0, similarity[1], 0, similarity[0], similarity[2], 0, 0, 1};
  }

  /** Returns the inverse similarity as a row-major 3×3 matrix. */
  static double[] inverseMatrix(double[] similarity) {
    double s = similarity[0];
    return new double[] {1 / s, 0, -similarity[1] / s, 0, 1 / s, -similarity[2] / s, 0, 0, 1};
  }
}
