package dev.slipstream.markets.pricing;

/**
 * The probability that a series moving as arithmetic Brownian motion (drift μ, volatility σ)
 * reaches a barrier above its current value within a time window: the first-passage law
 *
 * <pre>P = Φ((μT − x) / σ√T) + e^{2μx/σ²} · Φ((−x − μT) / σ√T),   x = barrier − now > 0</pre>
 *
 * <p>The analytics sample the series at discrete instants (15 frames a second), and a discretely
 * watched path crosses less often than a continuous one; the Broadie–Glasserman–Kou correction
 * prices that by moving the barrier away by β σ √Δt, β = −ζ(½)/√(2π) ≈ 0.5826.
 */
public final class BarrierCrossing {
  /** −ζ(1/2)/√(2π). */
  static final double BETA = 0.5825971579390106;

  private BarrierCrossing() {}

  /**
   * Returns the probability that the series, now at {@code current}, reaches {@code barrier} within
   * {@code seconds}, watched every {@code sampleInterval} seconds (0 for continuously).
   */
  public static double probability(
      double current,
      double barrier,
      double seconds,
      double drift,
      double volatility,
      double sampleInterval) {
    if (!(seconds >= 0) || !(volatility >= 0) || !(sampleInterval >= 0)) {
      throw new IllegalArgumentException(
          "window, volatility and sampling must not be negative (were "
              + seconds
              + ", "
              + volatility
              + ", "
              + sampleInterval
              + ")");
    }
    if (current >= barrier) {
      return 1;
    }
    if (seconds == 0) {
      return 0;
    }
    double x = barrier - current + BETA * volatility * Math.sqrt(sampleInterval);
    if (volatility == 0) {
      return drift * seconds >= x ? 1 : 0;
    }
    double spread = volatility * Math.sqrt(seconds);
    double direct = Normal.cdf((drift * seconds - x) / spread);
    double exponent = 2 * drift * x / (volatility * volatility);
    double tail = Normal.cdf((-x - drift * seconds) / spread);
    // e^{exponent}·Φ(tail) in log space: the exponent can be large while Φ is tiny.
    double reflected = tail == 0 ? 0 : Math.exp(exponent + Math.log(tail));
    return clamp(direct + reflected);
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }
}
