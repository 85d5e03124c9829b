package dev.slipstream.markets.pricing;

/**
 * A price as bettors read it. Stored as decimal odds in basis points (2.50 is 25,000), as {@code
 * SelectionPrice.decimal_odds_bp} carries it; shown as decimal ("2.50"), fractional ("3/2") or
 * American ("+150", "-200").
 *
 * @param decimalBasisPoints decimal odds × 10,000; at least 10,100 (1.01)
 */
public record Odds(int decimalBasisPoints) {
  /** The shortest price offered, 1.01. */
  public static final int MIN_BASIS_POINTS = 10_100;

  /** The longest price offered, 1000.0. */
  public static final int MAX_BASIS_POINTS = 10_000_000;

  /** Checks the price is on the ladder's range. */
  public Odds {
    if (decimalBasisPoints < MIN_BASIS_POINTS || decimalBasisPoints > MAX_BASIS_POINTS) {
      throw new IllegalArgumentException(
          "decimal odds must be 1.01 to 1000 (were " + decimalBasisPoints / 10_000.0 + ")");
    }
  }

  /**
   * Returns the price for a booked probability, rounded down to the basis point (never longer than
   * the book allows) and held within 1.01–1000.
   */
  public static Odds ofProbability(double booked) {
    if (!(booked > 0 && booked < 1)) {
      throw new IllegalArgumentException(
          "a probability must be strictly between 0 and 1 (was " + booked + ")");
    }
    long bp = (long) Math.floor(10_000 / booked);
    return new Odds((int) Math.max(MIN_BASIS_POINTS, Math.min(MAX_BASIS_POINTS, bp)));
  }

  /** Decimal odds, e.g. 2.5. */
  public double decimal() {
    return decimalBasisPoints / 10_000.0;
  }

  /** The probability the price implies, 1/decimal. */
  public double impliedProbability() {
    return 10_000.0 / decimalBasisPoints;
  }

  /**
   * Returns what a stake returns on a win, stake included, in the same minor units, rounded down.
   */
  public long returnFor(long stakeMinor) {
    return Math.multiplyExact(stakeMinor, (long) decimalBasisPoints) / 10_000;
  }

  /** Decimal odds with two decimals, e.g. "2.50". */
  public String asDecimal() {
    return String.format(java.util.Locale.ROOT, "%.2f", decimal());
  }

  /**
   * Fractional odds, profit over stake in lowest terms with a denominator of at most 100, e.g.
   * "3/2" for 2.50 and "1/4" for 1.25.
   */
  public String asFractional() {
    long numerator = decimalBasisPoints - 10_000L;
    long denominator = 10_000L;
    // The best rational approximation with a small denominator (continued fractions).
    long[] best = bestRational(numerator, denominator, 100);
    return best[0] + "/" + best[1];
  }

  /** American odds: "+150" for 2.50 (profit on 100), "-400" for 1.25 (stake to win 100). */
  public String asAmerican() {
    if (decimalBasisPoints >= 20_000) {
      return "+" + Math.round((decimal() - 1) * 100);
    }
    return "-" + Math.round(100 / (decimal() - 1));
  }

  private static long[] bestRational(long numerator, long denominator, long maxDenominator) {
    long p0 = 0;
    long q0 = 1;
    long p1 = 1;
    long q1 = 0;
    long n = numerator;
    long d = denominator;
    while (d != 0) {
      long a = n / d;
      long q2 = q0 + a * q1;
      if (q2 > maxDenominator) {
        break;
      }
      long p2 = p0 + a * p1;
      p0 = p1;
      q0 = q1;
      p1 = p2;
      q1 = q2;
      long r = n - a * d;
      n = d;
      d = r;
    }
    if (q1 == 0) {
      return new long[] {numerator / denominator, 1};
    }
    return new long[] {p1, q1};
  }
}
