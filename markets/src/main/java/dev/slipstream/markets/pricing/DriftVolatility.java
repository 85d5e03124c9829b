package dev.slipstream.markets.pricing;

/**
 * Online estimate of how a measured series (a runner's speed) moves, as arithmetic Brownian motion
 * dv = μ dt + σ dW: drift μ (units per second) and volatility σ (units per √second), from
 * exponentially weighted increments, so the newest seconds count most. Single-threaded.
 */
public final class DriftVolatility {
  private final double halfLifeSeconds;
  private double weightedTime;
  private double weightedChange;
  private double weightedSquares;
  private double weightedCross;
  private double weightedTimeSquares;
  private double lastTime = Double.NaN;
  private double lastValue;
  private int samples;

  /**
   * @param halfLifeSeconds how fast old increments fade: their weight halves every this many
   *     seconds
   */
  public DriftVolatility(double halfLifeSeconds) {
    if (!(halfLifeSeconds > 0)) {
      throw new IllegalArgumentException(
          "half-life must be positive (was " + halfLifeSeconds + ")");
    }
    this.halfLifeSeconds = halfLifeSeconds;
  }

  /** Adds the series' value at {@code seconds}; samples must come in time order. */
  public void add(double seconds, double value) {
    if (!Double.isFinite(seconds) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "samples must be finite (was " + seconds + ", " + value + ")");
    }
    if (!Double.isNaN(lastTime)) {
      double dt = seconds - lastTime;
      if (dt <= 0) {
        throw new IllegalArgumentException(
            "samples must move forward in time (" + seconds + " after " + lastTime + ")");
      }
      double decay = Math.pow(0.5, dt / halfLifeSeconds);
      double dv = value - lastValue;
      weightedTime = weightedTime * decay + dt;
      weightedChange = weightedChange * decay + dv;
      weightedSquares = weightedSquares * decay + dv * dv;
      weightedCross = weightedCross * decay + dv * dt;
      weightedTimeSquares = weightedTimeSquares * decay + dt * dt;
    }
    lastTime = seconds;
    lastValue = value;
    samples++;
  }

  /** How many samples have been added. */
  public int samples() {
    return samples;
  }

  /** The latest value. */
  public double last() {
    return lastValue;
  }

  /** The drift μ, units per second; 0 before two samples. */
  public double drift() {
    return weightedTime == 0 ? 0 : weightedChange / weightedTime;
  }

  /**
   * The volatility σ, units per √second: the increments' weighted variance per unit time, net of
   * the drift; 0 before two samples.
   */
  public double volatility() {
    if (weightedTime == 0) {
      return 0;
    }
    double mu = drift();
    // Σw (dv − μ dt)² / Σw dt: each increment's variance is σ² dt.
    double residual = weightedSquares - 2 * mu * weightedCross + mu * mu * weightedTimeSquares;
    return Math.sqrt(Math.max(0, residual / weightedTime));
  }
}
