package dev.slipstream.vision.kinematics;

/**
 * Straight-line and parabola fits of values over time, by least squares on times centred at their
 * mean (which keeps the normal equations well conditioned).
 */
final class LeastSquaresFit {
  private LeastSquaresFit() {}

  /**
   * A line {@code value(t) = atMean + slope · (t - meanTime)}, with the variance of the residuals
   * about it (NaN with fewer than 3 samples) and the spread of the times, Σ(t - meanTime)², which
   * together give the slope's standard error.
   */
  record Line(
      double meanTime, double atMean, double slope, double residualVariance, double timeSpread) {
    double at(double time) {
      return atMean + slope * (time - meanTime);
    }
  }

  /** Fits a line to {@code values[from..to)} at {@code times[from..to)}; needs 2 distinct times. */
  static Line line(double[] times, double[] values, int from, int to) {
    int n = to - from;
    double meanTime = 0;
    double meanValue = 0;
    for (int i = from; i < to; i++) {
      meanTime += times[i];
      meanValue += values[i];
    }
    meanTime /= n;
    meanValue /= n;
    double stt = 0;
    double stv = 0;
    for (int i = from; i < to; i++) {
      double dt = times[i] - meanTime;
      stt += dt * dt;
      stv += dt * (values[i] - meanValue);
    }
    double slope = stt > 0 ? stv / stt : 0;
    double residuals = 0;
    for (int i = from; i < to; i++) {
      double residual = values[i] - meanValue - slope * (times[i] - meanTime);
      residuals += residual * residual;
    }
    return new Line(meanTime, meanValue, slope, n > 2 ? residuals / (n - 2) : Double.NaN, stt);
  }

  /**
   * Returns the second derivative of the parabola fitted to {@code values[from..to)}, or 0 when
   * fewer than 4 samples leave it undetermined or exact (and so all noise).
   */
  static double curvature(double[] times, double[] values, int from, int to) {
    int n = to - from;
    if (n < 4) {
      return 0;
    }
    double meanTime = 0;
    for (int i = from; i < to; i++) {
      meanTime += times[i];
    }
    meanTime /= n;
    // Normal equations for value = c0 + c1 u + c2 u², u = t - meanTime (so Σu = 0).
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double sv = 0;
    double suv = 0;
    double su2v = 0;
    for (int i = from; i < to; i++) {
      double u = times[i] - meanTime;
      double u2 = u * u;
      s2 += u2;
      s3 += u2 * u;
      s4 += u2 * u2;
      sv += values[i];
      suv += u * values[i];
      su2v += u2 * values[i];
    }
    double[][] a = {{n, 0, s2}, {0, s2, s3}, {s2, s3, s4}};
    double det = det3(a);
    if (Math.abs(det) < 1e-18) {
      return 0;
    }
    double[][] forC2 = {{n, 0, sv}, {0, s2, suv}, {s2, s3, su2v}};
    return 2 * det3(forC2) / det;
  }

  private static double det3(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
}
