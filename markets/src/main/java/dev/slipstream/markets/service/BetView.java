package dev.slipstream.markets.service;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One accepted bet as its bettor sees it.
 *
 * @param id the bet id
 * @param userId whose bet it is
 * @param marketId its market
 * @param marketTitle the market's question
 * @param streamId the market's stream
 * @param selectionId the selection backed
 * @param selectionName its label
 * @param stakeMinor the stake, minor units
 * @param currency the stake's currency
 * @param decimalOddsBp the odds it stands at, basis points
 * @param potentialPayoutMinor what it returns if it wins, stake included
 * @param state {@code PENDING} (waiting out a bet delay; may be cancelled), {@code OPEN}, {@code
 *     WON}, {@code LOST}, {@code VOID} or {@code CANCELLED}
 * @param placedAt when it was accepted
 * @param settledAt when it was settled, if it was
 * @param payoutMinor what it returned (payout when won, 0 when lost, the stake when void or
 *     cancelled); null while pending or open
 * @param hasEvidence whether its market's evidence is stored
 */
public record BetView(
    String id,
    String userId,
    String marketId,
    String marketTitle,
    String streamId,
    String selectionId,
    String selectionName,
    long stakeMinor,
    String currency,
    int decimalOddsBp,
    long potentialPayoutMinor,
    String state,
    Instant placedAt,
    @Nullable Instant settledAt,
    @Nullable Long payoutMinor,
    boolean hasEvidence) {}
