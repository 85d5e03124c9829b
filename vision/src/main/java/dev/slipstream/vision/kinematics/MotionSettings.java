package dev.slipstream.vision.kinematics;

/**
 * How a track's ground motion is smoothed and checked; checked when made, with a message naming the
 * setting.
 *
 * @param velocityWindowUs span of the straight-line fit that gives velocity, in microseconds;
 *     longer is smoother but reacts later; 100 ms to 2 s
 * @param accelerationWindowUs span of the quadratic fit that gives acceleration, at least the
 *     velocity window; up to 4 s
 * @param minSamples samples in the velocity window before speeds count as settled (and can become
 *     top speed); 2 to 100
 * @param positionToleranceM how far a position may stray from where physics allows before it is
 *     rejected: the allowance for detector and calibration noise; 0 to 5 m
 * @param maxConsecutiveRejections after this many rejected samples in a row the track is taken to
 *     have really moved (say, re-found after an occlusion) and motion starts afresh from it; 1 to
 *     1000
 * @param feetDepthM how far behind the lowest visible point of the feet (the bottom of the box) the
 *     body's centre stands, along the camera's line of sight: seen from above, the lowest pixel is
 *     the near edge of the nearer foot, about half a stride's stance width and half a shoe's depth
 *     in front of the centre; 0 to 1 m
 */
public record MotionSettings(
    long velocityWindowUs,
    long accelerationWindowUs,
    int minSamples,
    double positionToleranceM,
    int maxConsecutiveRejections,
    double feetDepthM) {

  /** Checks every value against its allowed range. */
  public MotionSettings {
    if (velocityWindowUs < 100_000 || velocityWindowUs > 2_000_000) {
      throw new IllegalArgumentException(
          "motion.velocityWindowUs=" + velocityWindowUs + ": must be between 100000 and 2000000");
    }
    if (accelerationWindowUs < velocityWindowUs || accelerationWindowUs > 4_000_000) {
      throw new IllegalArgumentException(
          "motion.accelerationWindowUs="
              + accelerationWindowUs
              + ": must be between velocityWindowUs ("
              + velocityWindowUs
              + ") and 4000000");
    }
    if (minSamples < 2 || minSamples > 100) {
      throw new IllegalArgumentException(
          "motion.minSamples=" + minSamples + ": must be between 2 and 100");
    }
    if (!(positionToleranceM >= 0 && positionToleranceM <= 5)) {
      throw new IllegalArgumentException(
          "motion.positionToleranceM=" + positionToleranceM + ": must be between 0 and 5 m");
    }
    if (maxConsecutiveRejections < 1 || maxConsecutiveRejections > 1000) {
      throw new IllegalArgumentException(
          "motion.maxConsecutiveRejections="
              + maxConsecutiveRejections
              + ": must be between 1 and 1000");
    }
    if (!(feetDepthM >= 0 && feetDepthM <= 1)) {
      throw new IllegalArgumentException(
          "motion.feetDepthM=" + feetDepthM + ": must be between 0 and 1 m");
    }
  }

  /**
   * Returns the defaults: velocity over 0.5 s, acceleration over 1 s, settled after 4 samples, 1 m
   * of noise allowance (2 px at the bottom of a box 30 m away can be 0.2 m in depth, and a glitch
   * worth rejecting is a metre or more), a fresh start after 5 rejections in a row, the body's
   * centre 0.15 m behind the feet's near edge (0.09 m to the middle of the stance plus about half a
   * shoe).
   */
  public static MotionSettings defaults() {
    return new MotionSettings(500_000, 1_000_000, 4, 1.0, 5, 0.15);
  }
}
