package dev.slipstream.markets.engine;

import dev.slipstream.markets.engine.BetEngine.StandingBet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bets standing on one shard, by bet id and by market: a suspension or a settlement reads its
 * own market's bets, not every bet of the shard (a bench run keeps 150,000 standing). Within a
 * market the bets keep the order they were placed in, so a replay decides them in the same order.
 * Owned by the engine's thread.
 */
final class StandingBets {
  private final Map<String, StandingBet> byId = new HashMap<>();
  private final Map<String, Map<String, StandingBet>> byMarket = new HashMap<>();

  void add(StandingBet bet) {
    byId.put(bet.betId(), bet);
    byMarket.computeIfAbsent(bet.marketId(), m -> new LinkedHashMap<>()).put(bet.betId(), bet);
  }

  @Nullable StandingBet get(String betId) {
    return byId.get(betId);
  }

  /** Removes a bet; returns it, or null when it was not standing. */
  @Nullable StandingBet remove(String betId) {
    StandingBet bet = byId.remove(betId);
    if (bet != null) {
      Map<String, StandingBet> market = byMarket.get(bet.marketId());
      market.remove(betId);
      if (market.isEmpty()) {
        byMarket.remove(bet.marketId());
      }
    }
    return bet;
  }

  /** The bets standing on a market, in the order they were placed. */
  List<StandingBet> ofMarket(String marketId) {
    Map<String, StandingBet> market = byMarket.get(marketId);
    return market == null ? List.of() : List.copyOf(market.values());
  }

  /** Removes and returns a market's bets, in the order they were placed. */
  List<StandingBet> removeMarket(String marketId) {
    Map<String, StandingBet> market = byMarket.remove(marketId);
    if (market == null) {
      return List.of();
    }
    market.keySet().forEach(byId::remove);
    return List.copyOf(market.values());
  }

  List<StandingBet> all() {
    return List.copyOf(byId.values());
  }

  int size() {
    return byId.size();
  }
}
