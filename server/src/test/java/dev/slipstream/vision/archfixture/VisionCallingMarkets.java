package dev.slipstream.vision.archfixture;

import dev.slipstream.markets.archfixture.MarketsFixture;

/** A vision class that reaches into markets: what the dependency rule must catch. */
public final class VisionCallingMarkets {
  /** Calls markets, which vision must never do. */
  public static int peek() {
    return MarketsFixture.price();
  }
}
