package dev.slipstream.vision.track;

/**
 * A constant-velocity Kalman filter on one coordinate: state (position, velocity), measurement
 * position.
 *
 * <p>SORT and ByteTrack run one 8-state filter on (cx, cy, w, h) and their velocities. Their
 * process and measurement noise are diagonal per coordinate, so the 8×8 covariance never couples
 * one coordinate with another and the filter falls apart into four independent 2-state filters;
 * this is one of them, with its 2×2 matrix algebra written out. Process noise is the discrete white
 * acceleration model (acceleration constant over each step, variance {@code accelerationStd²}) so
 * that prediction over a long gap between frames grows the uncertainty the right way.
 */
final class AxisKalmanFilter {
  private double position;
  private double velocity;
  // Covariance [[pp, pv], [pv, vv]].
  private double pp;
  private double pv;
  private double vv;

  AxisKalmanFilter(double position, double positionStd, double velocityStd) {
    this.position = position;
    this.velocity = 0;
    this.pp = positionStd * positionStd;
    this.pv = 0;
    this.vv = velocityStd * velocityStd;
  }

  double position() {
    return position;
  }

  double velocity() {
    return velocity;
  }

  double positionVariance() {
    return pp;
  }

  /** Moves the state {@code dt} seconds ahead. */
  void predict(double dt, double accelerationStd) {
    position += velocity * dt;
    double q = accelerationStd * accelerationStd;
    // P = F P Fᵀ + Q with F = [[1, dt], [0, 1]], Q = q [[dt⁴/4, dt³/2], [dt³/2, dt²]].
    double newPp = pp + 2 * dt * pv + dt * dt * vv + q * dt * dt * dt * dt / 4;
    double newPv = pv + dt * vv + q * dt * dt * dt / 2;
    double newVv = vv + q * dt * dt;
    pp = newPp;
    pv = newPv;
    vv = newVv;
  }

  /** Corrects the state with a measured position of standard deviation {@code measurementStd}. */
  void update(double measured, double measurementStd) {
    double innovation = measured - position;
    double innovationVariance = pp + measurementStd * measurementStd;
    double gainPosition = pp / innovationVariance;
    double gainVelocity = pv / innovationVariance;
    position += gainPosition * innovation;
    velocity += gainVelocity * innovation;
    // P = (I - K H) P with H = [1, 0].
    double newPp = (1 - gainPosition) * pp;
    double newPv = (1 - gainPosition) * pv;
    double newVv = vv - gainVelocity * pv;
    pp = newPp;
    pv = newPv;
    vv = newVv;
  }
}
