package dev.slipstream.markets.engine;

/**
 * What a shard holds about one bettor: the settings an operator gave them and their late-bet
 * record.
 *
 * @param confidence 0–1, scales the markets' largest stake for this account (1 for everyone else)
 * @param betDelayMicros how long (media time) their bets wait as pending before they stand; 0 for
 *     none
 * @param blocked whether they may not bet at all
 * @param bets bets of theirs this shard accepted
 * @param lateBets of those, bets placed just before the suspension that decided their market
 * @param lateBetScore {@code lateBets / bets}, 0 without bets: a bettor who keeps betting in the
 *     moment before the deciding event may be watching a faster picture
 */
public record AccountRiskView(
    double confidence,
    long betDelayMicros,
    boolean blocked,
    int bets,
    int lateBets,
    double lateBetScore) {}
