package dev.slipstream.markets.engine;

/**
 * What the engine knows about one bettor on its shard: the confidence factor that scales their
 * stake limit (new or flagged accounts lower), a bet delay, whether they are blocked, the token
 * bucket of their bet rate, and their late-bet record. Owned by the engine's thread.
 */
final class AccountRisk {
  double confidence = 1;
  long betDelayMicros;
  boolean blocked;
  double tokens = Double.NaN;
  long lastRefillNanos;
  int bets;
  int lateBets;

  /** Takes one bet from the bucket; false when the account is over its rate. */
  boolean tryBet(long nowNanos, RiskLimits limits) {
    if (Double.isNaN(tokens)) {
      tokens = limits.burst();
      lastRefillNanos = nowNanos;
    }
    double refill = (nowNanos - lastRefillNanos) / 1e9 * limits.betsPerAccountPerSecond();
    tokens = Math.min(limits.burst(), tokens + Math.max(0, refill));
    lastRefillNanos = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** The share of this account's bets placed just before the suspension that decided them. */
  double lateBetScore() {
    return bets == 0 ? 0 : (double) lateBets / bets;
  }
}
