package dev.slipstream.markets.sequencer;

import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.markets.engine.BetEngine;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.MarketBook;
import dev.slipstream.markets.engine.Settlement;
import dev.slipstream.wire.v1.BetStatus;
import java.util.List;

/**
 * Applies a market command to an engine and says what it did to bets: settled (won or lost), given
 * back (voided, struck, lapsed, released or cancelled) or confirmed. The live shard and the journal
 * replay both go through here, so a restart reads the journal exactly as the shard acted on it.
 */
final class BetOutcomes {
  /** What a command did to bets, told in the engine's order. */
  interface Sink {
    /** A standing bet was settled at its market's close. */
    void settled(BetEngine.StandingBet bet, String currency, boolean won);

    /** A bet left the engine with its stake to be returned: {@code VOID} or {@code CANCELLED}. */
    void returned(String betId, BetClosedListener.Ending ending);

    /** A pending bet's delay ran out and it stands. */
    void confirmed(String betId);
  }

  private BetOutcomes() {}

  /**
   * Applies {@code command} (not a {@code Place}: bets go through the shard's own path) and tells
   * {@code sink} about every bet it decided; returns the engine's decisions.
   *
   * @throws IllegalArgumentException or {@link IllegalStateException} when the engine refuses it
   */
  static List<BetDecision> apply(BetEngine engine, EngineCommand command, Sink sink) {
    switch (command) {
      case EngineCommand.Settle settle -> {
        String currency = engine.market(settle.marketId()).map(MarketBook::currency).orElse("");
        Settlement settlement = engine.settle(settle.marketId());
        for (BetDecision lapsed : settlement.lapsed()) {
          sink.returned(lapsed.betId(), BetClosedListener.Ending.VOID);
        }
        for (BetEngine.StandingBet bet : settlement.settled()) {
          sink.settled(bet, currency, bet.selection() == settle.winningSelection());
        }
        return List.of();
      }
      case EngineCommand.Void v -> {
        for (BetEngine.StandingBet bet : engine.voidMarket(v.marketId())) {
          sink.returned(bet.betId(), BetClosedListener.Ending.VOID);
        }
        return List.of();
      }
      case EngineCommand.Release r -> {
        boolean standing = engine.standingBet(r.betId()).isPresent();
        engine.release(r.betId(), r.code(), r.detail());
        if (standing) {
          sink.returned(r.betId(), BetClosedListener.Ending.VOID);
        }
        return List.of();
      }
      default -> {
        List<BetDecision> decisions = EngineCommand.apply(engine, command);
        // Bets a suspension struck, a delay lapsed or their bettor cancelled; bets a delay
        // confirmed.
        for (BetDecision d : decisions) {
          if (!d.stands() && !d.betId().isEmpty()) {
            sink.returned(
                d.betId(),
                d.status() == BetStatus.BET_STATUS_CANCELLED
                    ? BetClosedListener.Ending.CANCELLED
                    : BetClosedListener.Ending.VOID);
          } else if (command instanceof EngineCommand.ConfirmPending
              && d.status() == BetStatus.BET_STATUS_ACCEPTED) {
            sink.confirmed(d.betId());
          }
        }
        return decisions;
      }
    }
  }
}
