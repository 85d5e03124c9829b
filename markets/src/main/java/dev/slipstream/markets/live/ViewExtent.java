package dev.slipstream.markets.live;

/**
 * The stretch of ground a stream's camera sees, learned from where confirmed tracks have been: the
 * smallest rectangle (in the calibration's metres) holding every position seen. A runner moving at
 * a steady velocity leaves the picture, and is lost to the analytics, about when it crosses that
 * rectangle's edge; the market templates use this to ask only what can be watched to the end.
 *
 * <p>Until tracks have covered at least {@link #LEARNED_SPAN_M} along either axis the extent is
 * unknown and every runner counts as staying in view. Not thread-safe: fed by the stream's one
 * analytics thread.
 */
final class ViewExtent {
  /** The span, in metres, the seen positions must cover before the extent is trusted. */
  static final double LEARNED_SPAN_M = 5;

  /**
   * How far past the seen rectangle a runner may go before counting as out of view: the picture
   * reaches a little beyond where tracks were confirmed, and lanes at the rectangle's side edge
   * must not count as leaving through it.
   */
  static final double EDGE_M = 1;

  /** Slower than this across an axis (m/s) is tracking noise, not a way out of the picture. */
  static final double STILL_MPS = 0.5;

  private double minX = Double.POSITIVE_INFINITY;
  private double maxX = Double.NEGATIVE_INFINITY;
  private double minY = Double.POSITIVE_INFINITY;
  private double maxY = Double.NEGATIVE_INFINITY;

  /** Takes one confirmed track's position. */
  void saw(double x, double y) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return;
    }
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }

  /** Whether tracks have covered enough ground for the extent to mean anything. */
  boolean learned() {
    return maxX - minX >= LEARNED_SPAN_M || maxY - minY >= LEARNED_SPAN_M;
  }

  /**
   * Seconds until a runner at ({@code x}, {@code y}) moving at ({@code vx}, {@code vy}) m/s crosses
   * the extent's edge; infinite when the extent is not learned yet or the runner stands still, 0
   * when it is already outside.
   */
  double secondsToLeave(double x, double y, double vx, double vy) {
    if (!learned()) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.min(alongAxis(x, vx, minX, maxX), alongAxis(y, vy, minY, maxY));
  }

  private static double alongAxis(double p, double v, double min, double max) {
    double low = min - EDGE_M;
    double high = max + EDGE_M;
    if (p < low || p > high) {
      return 0;
    }
    if (v > STILL_MPS) {
      return (high - p) / v;
    }
    if (v < -STILL_MPS) {
      return (low - p) / v;
    }
    return Double.POSITIVE_INFINITY;
  }
}
