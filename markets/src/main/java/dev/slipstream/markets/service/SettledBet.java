package dev.slipstream.markets.service;

import java.time.Instant;

/**
 * News for a bettor: one of their bets was settled, voided, cancelled or corrected, or, waiting out
 * a bet delay, was confirmed.
 *
 * @param userId the bettor
 * @param betId the bet
 * @param marketId its market
 * @param state {@code WON}, {@code LOST}, {@code VOID}, {@code CANCELLED}, or {@code OPEN} for a
 *     pending bet confirmed (it stands now; nothing was paid)
 * @param payoutMinor what it returned
 * @param currency the currency
 * @param settledAt when
 * @param hasEvidence whether the market's evidence is stored
 */
public record SettledBet(
    String userId,
    String betId,
    String marketId,
    String state,
    long payoutMinor,
    String currency,
    Instant settledAt,
    boolean hasEvidence) {}
