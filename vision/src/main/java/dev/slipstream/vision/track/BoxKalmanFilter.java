package dev.slipstream.vision.track;

import dev.slipstream.vision.geometry.PixelBox;

/**
 * Constant-velocity motion of a box: centre x, centre y, width and height, each with its velocity
 * (see {@link AxisKalmanFilter} for why four small filters equal SORT's one large one).
 *
 * <p>Noise scales with the box's height, as in ByteTrack, so a near and a far person are tracked
 * alike: a detector places a box to within about 5 % of its height, and a person's box centre can
 * accelerate by a few body heights per second squared (a sprint start is about 3).
 */
final class BoxKalmanFilter {
  private static final double MEASUREMENT_STD = 0.05;
  private static final double CENTRE_ACCELERATION_STD = 4.0;
  private static final double SIZE_ACCELERATION_STD = 1.0;
  private static final double INITIAL_VELOCITY_STD = 6.0;
  private static final double MIN_SIZE = 1.0;

  private final AxisKalmanFilter centreX;
  private final AxisKalmanFilter centreY;
  private final AxisKalmanFilter width;
  private final AxisKalmanFilter height;

  BoxKalmanFilter(PixelBox first) {
    double scale = Math.max(first.height(), MIN_SIZE);
    double positionStd = 2 * MEASUREMENT_STD * scale;
    double velocityStd = INITIAL_VELOCITY_STD * scale;
    centreX = new AxisKalmanFilter(first.centreX(), positionStd, velocityStd);
    centreY = new AxisKalmanFilter(first.centreY(), positionStd, velocityStd);
    width = new AxisKalmanFilter(first.width(), positionStd, velocityStd / 4);
    height = new AxisKalmanFilter(first.height(), positionStd, velocityStd / 4);
  }

  /** Moves the box {@code dtSeconds} ahead along its velocity. */
  void predict(double dtSeconds) {
    double scale = scale();
    centreX.predict(dtSeconds, CENTRE_ACCELERATION_STD * scale);
    centreY.predict(dtSeconds, CENTRE_ACCELERATION_STD * scale);
    width.predict(dtSeconds, SIZE_ACCELERATION_STD * scale);
    height.predict(dtSeconds, SIZE_ACCELERATION_STD * scale);
  }

  /** Corrects the motion with a detected box. */
  void update(PixelBox detected) {
    double std = MEASUREMENT_STD * Math.max(detected.height(), MIN_SIZE);
    centreX.update(detected.centreX(), std);
    centreY.update(detected.centreY(), std);
    width.update(detected.width(), std);
    height.update(detected.height(), std);
  }

  /** Returns the current estimate of the box. */
  PixelBox box() {
    return PixelBox.centredAt(
        centreX.position(),
        centreY.position(),
        Math.max(width.position(), MIN_SIZE),
        Math.max(height.position(), MIN_SIZE));
  }

  /**
   * Returns the standard deviation of where a detection's centre is expected, x then y: the
   * prediction's uncertainty plus the detector's.
   */
  double[] centreStd() {
    double measurementVariance = Math.pow(MEASUREMENT_STD * scale(), 2);
    return new double[] {
      Math.sqrt(centreX.positionVariance() + measurementVariance),
      Math.sqrt(centreY.positionVariance() + measurementVariance)
    };
  }

  private double scale() {
    return Math.max(height.position(), MIN_SIZE);
  }
}
