package dev.slipstream.markets.pricing;

/** The standard normal distribution's CDF, to about 1e-15 absolute (W. J. Cody's erfc). */
public final class Normal {
  private static final double SQRT_HALF = Math.sqrt(0.5);

  private Normal() {}

  /** Returns Φ(x), the probability that a standard normal variable is at most {@code x}. */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return 0.5 * erfc(-x * SQRT_HALF);
  }

  /** The complementary error function, by Cody's rational approximations (1969). */
  static double erfc(double x) {
    double ax = Math.abs(x);
    double result;
    if (ax < 0.5) {
      double t = x * x;
      double top =
          (((0.185777706184603153 * t + 3.16112374387056560) * t + 113.864154151050156) * t
                      + 377.485237685302021)
                  * t
              + 3209.37758913846947;
      double bottom =
          (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t
              + 2844.23683343917062;
      return 1 - x * top / bottom;
    } else if (ax < 4) {
      double top =
          (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594)
                                                          * ax
                                                      + 66.1191906371416295)
                                                  * ax
                                              + 298.635138197400131)
                                          * ax
                                      + 881.952221241769090)
                                  * ax
                              + 1712.04761263407058)
                          * ax
                      + 2051.07837782607147)
                  * ax
              + 1230.33935479799725;
      double bottom =
          (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858)
                                                  * ax
                                              + 1621.38957456669019)
                                          * ax
                                      + 3290.79923573345963)
                                  * ax
                              + 4362.61909014324716)
                          * ax
                      + 3439.36767414372164)
                  * ax
              + 1230.33935480374942;
      result = Math.exp(-ax * ax) * top / bottom;
    } else {
      double z = 1 / (ax * ax);
      double top =
          ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z
                              + 0.125781726111229246)
                          * z
                      + 0.0160837851487422766)
                  * z
              + 0.000658749161529837803;
      double bottom =
          ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z
                      + 0.0605183413124413191)
                  * z
              + 0.00233520497626869185;
      double oneOverSqrtPi = 0.564189583547756287;
      result = Math.exp(-ax * ax) / ax * (oneOverSqrtPi - z * top / bottom);
    }
    return x < 0 ? 2 - result : result;
  }
}
