package dev.slipstream.markets.archfixture;

/** A stand-in markets class that the forbidden-dependency fixture refers to. */
public final class MarketsFixture {
  /** Returns a price, so there is something to call. */
  public static int price() {
    return 25_000;
  }
}
