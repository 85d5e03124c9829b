package dev.slipstream.vision.scene;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import dev.slipstream.vision.kinematics.Homography;
import java.util.List;

/**
 * A perspective camera looking at the ground plane (z = 0, z up), the ground truth the synthetic
 * scenes are filmed with: it projects 3-D points to pixels and casts pixels back onto the ground.
 * Immutable.
 */
public final class PinholeCamera {
  private final double[] eye;
  private final double[] right;
  private final double[] down;
  private final double[] forward;
  private final double focalPx;
  private final double centreX;
  private final double centreY;

  /** Creates a camera at {@code eye} looking at {@code target}, with no roll. */
  public PinholeCamera(double[] eye, double[] target, double focalPx, int width, int height) {
    this.eye = eye.clone();
    this.focalPx = focalPx;
    this.centreX = width / 2.0;
    this.centreY = height / 2.0;
    this.forward = normalise(minus(target, eye));
    this.right = normalise(cross(forward, new double[] {0, 0, 1}));
    this.down = cross(forward, right);
  }

  /**
   * Returns the camera of the test scenes: 1280×720, 12 m up, 30 m to the side of a straight track
   * along x, looking at (50, 5, 0). One metre near x = 50 spans about 30 px across the frame.
   */
  public static PinholeCamera trackside() {
    return new PinholeCamera(new double[] {50, -25, 12}, new double[] {50, 5, 0}, 1000, 1280, 720);
  }

  /** Projects a point in metres (z up) to the frame. */
  public PixelPoint project(double x, double y, double z) {
    double[] d = minus(new double[] {x, y, z}, eye);
    double depth = dot(d, forward);
    return new PixelPoint(
        centreX + focalPx * dot(d, right) / depth, centreY + focalPx * dot(d, down) / depth);
  }

  /**
   * Returns how many pixels one metre spans, across the line of sight, at a point in metres (z up):
   * the scale to draw a limb of known thickness there.
   */
  public double pixelsPerMetreAt(double x, double y, double z) {
    return focalPx / dot(minus(new double[] {x, y, z}, eye), forward);
  }

  /** Projects a ground point to the frame. */
  public PixelPoint project(GroundPoint ground) {
    return project(ground.x(), ground.y(), 0);
  }

  /** Returns where the ray through {@code pixel} meets the ground. */
  public GroundPoint groundAt(PixelPoint pixel) {
    double u = (pixel.x() - centreX) / focalPx;
    double v = (pixel.y() - centreY) / focalPx;
    double[] ray = new double[3];
    for (int i = 0; i < 3; i++) {
      ray[i] = forward[i] + u * right[i] + v * down[i];
    }
    double t = -eye[2] / ray[2];
    return new GroundPoint(eye[0] + t * ray[0], eye[1] + t * ray[1]);
  }

  /** Returns the homography fitted to the projections of {@code landmarks}. */
  public Homography calibrate(List<GroundPoint> landmarks) {
    return Homography.fit(
        landmarks.stream().map(g -> new CalibrationPoint(project(g), g)).toList());
  }

  /** Returns the homography fitted to six landmarks along the near and far edges of the track. */
  public Homography calibrate() {
    return calibrate(
        List.of(
            new GroundPoint(35, 0),
            new GroundPoint(50, 0),
            new GroundPoint(65, 0),
            new GroundPoint(35, 10),
            new GroundPoint(50, 10),
            new GroundPoint(65, 10)));
  }

  private static double[] minus(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  private static double[] normalise(double[] a) {
    double length = Math.sqrt(dot(a, a));
    return new double[] {a[0] / length, a[1] / length, a[2] / length};
  }
}
