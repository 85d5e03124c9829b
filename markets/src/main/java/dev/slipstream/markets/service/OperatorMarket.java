package dev.slipstream.markets.service;

/**
 * A market as operators see it: with its book.
 *
 * @param market the market
 * @param exposureMinor the most the book pays out net if the worst selection for it wins
 * @param betCount bets that stand or stood (void ones not counted)
 * @param handleMinor the stakes of those bets
 */
public record OperatorMarket(
    MarketView market, long exposureMinor, int betCount, long handleMinor) {}
