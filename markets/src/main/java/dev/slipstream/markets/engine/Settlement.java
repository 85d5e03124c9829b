package dev.slipstream.markets.engine;

import java.util.List;

/**
 * What settling a market did: the bets it settled, and the pending bets it lapsed instead (their
 * delay had not run out before the market's suspension point, so they never stood).
 */
public record Settlement(List<BetEngine.StandingBet> settled, List<BetDecision> lapsed) {}
