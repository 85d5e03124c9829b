package dev.slipstream.markets.pricing;

import java.util.Arrays;

/**
 * How the book's margin is spread over a market's selections: fair probabilities p (summing to 1)
 * become booked probabilities q summing to the overround (1.05 for a 5 % margin); the price offered
 * is 1/q. Both methods load more margin onto longshots than favourites, as bettors' favourite-
 * longshot bias warrants, and keep every q below 1.
 */
public enum Margin {
  /** q = p^k, with k &lt; 1 chosen so that Σq is the overround. */
  POWER {
    @Override
    double booked(double p, double k) {
      return Math.pow(p, k);
    }

    @Override
    double lower() {
      return 1e-6;
    }

    @Override
    double upper() {
      return 1;
    }

    @Override
    boolean increasing() {
      return false;
    }
  },
  /** q/(1−q) = c·p/(1−p): every selection's odds ratio scaled by one factor c &gt; 1. */
  ODDS_RATIO {
    @Override
    double booked(double p, double c) {
      return c * p / (1 - p + c * p);
    }

    @Override
    double lower() {
      return 1;
    }

    @Override
    double upper() {
      return 1e6;
    }

    @Override
    boolean increasing() {
      return true;
    }
  };

  abstract double booked(double p, double parameter);

  abstract double lower();

  abstract double upper();

  /** Whether Σq grows with the parameter. */
  abstract boolean increasing();

  /**
   * Returns booked probabilities for fair {@code probabilities} (each in (0, 1), summing to 1
   * within 1e-6) with total {@code overround} (1 to 1.5).
   */
  public double[] apply(double[] probabilities, double overround) {
    if (!(overround >= 1 && overround <= 1.5)) {
      throw new IllegalArgumentException("overround must be 1 to 1.5 (was " + overround + ")");
    }
    double sum = 0;
    for (double p : probabilities) {
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException(
            "probabilities must be strictly between 0 and 1 (were "
                + Arrays.toString(probabilities)
                + ")");
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("probabilities must sum to 1 (sum " + sum + ")");
    }
    if (overround == 1) {
      return probabilities.clone();
    }
    double lo = lower();
    double hi = upper();
    for (int i = 0; i < 200; i++) {
      double mid = increasing() ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      double total = total(probabilities, mid);
      if ((total < overround) == increasing()) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double parameter = increasing() ? Math.sqrt(lo * hi) : (lo + hi) / 2;
    double[] booked = new double[probabilities.length];
    for (int i = 0; i < booked.length; i++) {
      booked[i] = booked(probabilities[i], parameter);
    }
    return booked;
  }

  private double total(double[] probabilities, double parameter) {
    double total = 0;
    for (double p : probabilities) {
      total += booked(p, parameter);
    }
    return total;
  }
}
