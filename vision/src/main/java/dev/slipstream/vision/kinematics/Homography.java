package dev.slipstream.vision.kinematics;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import java.util.Arrays;
import java.util.List;

/**
 * The mapping between the frame and the ground plane of one camera view, fitted to landmarks whose
 * position is known in both.
 *
 * <p>The fit is the normalised direct linear transform: both point sets are normalised (see {@link
 * PointNormalisation}), each pair contributes two linear equations in the nine entries of the
 * matrix, and the least-squares solution of unit norm is the eigenvector of the smallest eigenvalue
 * of the equations' normal matrix. Four points determine it exactly; more are fitted in the least
 * squares sense, which averages out the error of clicking landmarks by hand.
 *
 * <p>Points at or above the horizon have no place on the ground; {@link #isOnGround} says which.
 */
public final class Homography {
  /** Below this, the second-smallest eigenvalue (relative to the largest) leaves the fit free. */
  private static final double UNIQUE_SOLUTION = 1e-12;

  private static final double SINGULAR = 1e-9;

  private final double[] imageToGround;
  private final double[] groundToImage;
  private final double rmsErrorMetres;

  private Homography(double[] imageToGround, List<CalibrationPoint> points) {
    this.imageToGround = imageToGround;
    this.groundToImage = Matrix3.inverse(imageToGround);
    double sumSquares = 0;
    for (CalibrationPoint point : points) {
      GroundPoint mapped = toGround(point.image());
      sumSquares += Math.pow(mapped.distanceTo(point.ground()), 2);
    }
    this.rmsErrorMetres = Math.sqrt(sumSquares / points.size());
  }

  /**
   * Fits the homography to at least four landmarks, no three of them on one line.
   *
   * @throws InvalidInputException naming the fault when the points cannot determine a mapping:
   *     fewer than 4, a coordinate not finite, two the same, too many on one line, or landmarks
   *     that would put the horizon between them
   */
  public static Homography fit(List<CalibrationPoint> points) {
    List<CalibrationPoint> copy = List.copyOf(points);
    CalibrationCheck.requireUsable(copy);
    double[][] image = new double[copy.size()][];
    double[][] ground = new double[copy.size()][];
    for (int i = 0; i < copy.size(); i++) {
      image[i] = new double[] {copy.get(i).image().x(), copy.get(i).image().y()};
      ground[i] = new double[] {copy.get(i).ground().x(), copy.get(i).ground().y()};
    }
    double[] imageNormalisation = PointNormalisation.of(image);
    double[] groundNormalisation = PointNormalisation.of(ground);
    double[] normalisedFit = solveDlt(image, ground, imageNormalisation, groundNormalisation);
    double[] fitted =
        Matrix3.normalised(
            Matrix3.multiply(
                PointNormalisation.inverseMatrix(groundNormalisation),
                Matrix3.multiply(normalisedFit, PointNormalisation.matrix(imageNormalisation))));
    return new Homography(facingCamera(fitted, image), copy);
  }

  private static double[] solveDlt(
      double[][] image, double[][] ground, double[] imageNorm, double[] groundNorm) {
    double[][] normal = new double[9][9];
    for (int i = 0; i < image.length; i++) {
      double[] p = PointNormalisation.apply(imageNorm, image[i][0], image[i][1]);
      double[] q = PointNormalisation.apply(groundNorm, ground[i][0], ground[i][1]);
      double[] rowX = {-p[0], -p[1], -1, 0, 0, 0, q[0] * p[0], q[0] * p[1], q[0]};
      double[] rowY = {0, 0, 0, -p[0], -p[1], -1, q[1] * p[0], q[1] * p[1], q[1]};
      accumulate(normal, rowX);
      accumulate(normal, rowY);
    }
    SymmetricEigen eigen = SymmetricEigen.of(normal);
    double[] values = eigen.values();
    Arrays.sort(values);
    if (values[1] < UNIQUE_SOLUTION * values[8]) {
      throw degenerate();
    }
    double[] solution = eigen.vector(eigen.smallestIndex());
    if (Math.abs(Matrix3.determinant(Matrix3.normalised(solution))) < SINGULAR) {
      throw degenerate();
    }
    return solution;
  }

  private static void accumulate(double[][] normal, double[] row) {
    for (int i = 0; i < 9; i++) {
      for (int j = 0; j < 9; j++) {
        normal[i][j] += row[i] * row[j];
      }
    }
  }

  /** Returns the matrix signed so calibration points lie in front of the camera (w > 0). */
  private static double[] facingCamera(double[] matrix, double[][] image) {
    int positive = 0;
    for (double[] p : image) {
      if (matrix[6] * p[0] + matrix[7] * p[1] + matrix[8] > 0) {
        positive++;
      }
    }
    if (positive != 0 && positive != image.length) {
      throw new InvalidInputException(
          "calibration_inconsistent_points",
          "calibration points put the horizon between landmarks, which no camera can see; check"
              + " that the image and ground points are listed in the same order");
    }
    if (positive == image.length) {
      return matrix;
    }
    double[] flipped = new double[9];
    for (int i = 0; i < 9; i++) {
      flipped[i] = -matrix[i];
    }
    return flipped;
  }

  private static InvalidInputException degenerate() {
    return new InvalidInputException(
        "calibration_degenerate",
        "calibration points do not determine a unique mapping to the ground; use at least 4"
            + " landmarks spread over the field, no 3 of them on one line");
  }

  /** Returns whether {@code image} is below the horizon, so that it has a place on the ground. */
  public boolean isOnGround(PixelPoint image) {
    return image.isFinite() && w(imageToGround, image.x(), image.y()) > 1e-12;
  }

  /**
   * Returns where a point on the frame lies on the ground.
   *
   * @throws IllegalArgumentException if the point is at or above the horizon (see {@link
   *     #isOnGround})
   */
  public GroundPoint toGround(PixelPoint image) {
    if (!isOnGround(image)) {
      throw new IllegalArgumentException("pixel " + image + " is at or above the horizon");
    }
    double[] m = imageToGround;
    double w = w(m, image.x(), image.y());
    return new GroundPoint(
        (m[0] * image.x() + m[1] * image.y() + m[2]) / w,
        (m[3] * image.x() + m[4] * image.y() + m[5]) / w);
  }

  /**
   * Returns where a point on the ground appears on the frame.
   *
   * @throws IllegalArgumentException if the point is behind the camera
   */
  public PixelPoint toImage(GroundPoint ground) {
    double[] m = groundToImage;
    double w = w(m, ground.x(), ground.y());
    if (!(w > 1e-12)) {
      throw new IllegalArgumentException("ground point " + ground + " is behind the camera");
    }
    return new PixelPoint(
        (m[0] * ground.x() + m[1] * ground.y() + m[2]) / w,
        (m[3] * ground.x() + m[4] * ground.y() + m[5]) / w);
  }

  /**
   * Returns how many metres one horizontal pixel spans on the ground at {@code image}: the scale to
   * turn image heights near that point into metres, for a camera without roll.
   */
  public double metresPerPixelAt(PixelPoint image) {
    GroundPoint left = toGround(new PixelPoint(image.x() - 0.5, image.y()));
    GroundPoint right = toGround(new PixelPoint(image.x() + 0.5, image.y()));
    return left.distanceTo(right);
  }

  /** Returns the root-mean-square distance between the landmarks and where the fit maps them. */
  public double rmsErrorMetres() {
    return rmsErrorMetres;
  }

  /** Returns the image-to-ground matrix, row-major, scaled to unit norm. */
  public double[] imageToGroundMatrix() {
    return imageToGround.clone();
  }

  private static double w(double[] m, double x, double y) {
    return m[6] * x + m[7] * y + m[8];
  }
}
