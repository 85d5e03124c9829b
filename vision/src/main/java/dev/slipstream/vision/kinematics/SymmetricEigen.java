package dev.slipstream.vision.kinematics;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method.
 *
 * <p>Each rotation zeroes one off-diagonal element; sweeping all of them repeatedly converges
 * quadratically. For the 9×9 normal matrix of a homography fit that is a few sweeps, and Jacobi is
 * accurate for the smallest eigenvalues, which is what the fit needs.
 */
final class SymmetricEigen {
  private static final int MAX_SWEEPS = 100;

  private final double[] values;
  private final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /** Decomposes {@code matrix}, which must be square and symmetric; the argument is not changed. */
  static SymmetricEigen of(double[][] matrix) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0;
        sweep < MAX_SWEEPS && offDiagonalNorm(a) > 1e-30 * diagonalNorm(a);
        sweep++) {
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(a, v, p, q);
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i][i];
    }
    return new SymmetricEigen(values, v);
  }

  /** Returns the index of the smallest eigenvalue. */
  int smallestIndex() {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Returns the eigenvalues in no particular order. */
  double[] values() {
    return values.clone();
  }

  /** Returns the unit eigenvector of the eigenvalue at {@code index}. */
  double[] vector(int index) {
    double[] vector = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      vector[i] = vectors[i][index];
    }
    return vector;
  }

  /** Zeroes a[p][q] with a rotation in the (p, q) plane, accumulating it into v. */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    double apq = a[p][q];
    if (apq == 0) {
      return;
    }
    double theta = (a[q][q] - a[p][p]) / (2 * apq);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = a.length;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  private static double offDiagonalNorm(double[][] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (i != j) {
          sum += a[i][j] * a[i][j];
        }
      }
    }
    return sum;
  }

  private static double diagonalNorm(double[][] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i][i] * a[i][i];
    }
    return sum;
  }
}
