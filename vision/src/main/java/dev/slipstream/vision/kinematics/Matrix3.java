package dev.slipstream.vision.kinematics;

/** The 3×3 matrix arithmetic a homography needs, on row-major arrays of 9. */
final class Matrix3 {
  private Matrix3() {}

  static double[] multiply(double[] a, double[] b) {
    double[] product = new double[9];
    for (int row = 0; row < 3; row++) {
      for (int column = 0; column < 3; column++) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          sum += a[row * 3 + k] * b[k * 3 + column];
        }
        product[row * 3 + column] = sum;
      }
    }
    return product;
  }

  static double determinant(double[] m) {
    return m[0] * (m[4] * m[8] - m[5] * m[7])
        - m[1] * (m[3] * m[8] - m[5] * m[6])
        + m[2] * (m[3] * m[7] - m[4] * m[6]);
  }

  /** Returns the inverse by the adjugate; the caller has checked the determinant is not zero. */
  static double[] inverse(double[] m) {
    double det = determinant(m);
    return new double[] {
      (m[4] * m[8] - m[5] * m[7]) / det,
      (m[2] * m[7] - m[1] * m[8]) / det,
      (m[1] * m[5] - m[2] * m[4]) / det,
      (m[5] * m[6] - m[3] * m[8]) / det,
      (m[0] * m[8] - m[2] * m[6]) / det,
      (m[2] * m[3] - m[0] * m[5]) / det,
      (m[3] * m[7] - m[4] * m[6]) / det,
      (m[1] * m[6] - m[0] * m[7]) / det,
      (m[0] * m[4] - m[1] * m[3]) / det
    };
  }

  /** Divides every element by the Frobenius norm, so the matrix has unit scale. */
  static double[] normalised(double[] m) {
    double norm = 0;
    for (double value : m) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    double[] result = new double[9];
    for (int i = 0; i < 9; i++) {
      result[i] = m[i] / norm;
    }
    return result;
  }
}
