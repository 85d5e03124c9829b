package dev.slipstream.markets.service;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a bettor's bets, newest first.
 *
 * @param bets the bets
 * @param nextCursor where the next page starts; null on the last page
 */
public record BetPage(List<BetView> bets, @Nullable String nextCursor) {
  /** Copies the bets. */
  public BetPage {
    bets = List.copyOf(bets);
  }
}
