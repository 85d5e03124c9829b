package dev.slipstream.markets.sequencer;

import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.markets.engine.BetEngine;
import dev.slipstream.markets.engine.EngineCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a shard's journal into a fresh engine and remembers how every bet it closed ended. The
 * journal records a settlement or void before the ledger has moved its money (the ledger's steps
 * are keyed by bet, so running them twice moves nothing twice); a crash in between leaves a stake
 * held for a bet the journal already closed. {@link BetMoney#finish} runs those steps again at
 * start.
 */
final class JournalReplay {
  /** How a journaled bet ended: settled (won or lost) or given back. */
  record Closing(String betId, String accountId, String currency, Ending ending, long payoutMinor) {
    /** The three endings that move money differently. */
    enum Ending {
      WON,
      LOST,
      RELEASED
    }
  }

  private final BetEngine engine;
  private final Map<String, Closing> closings = new HashMap<>();
  private final Map<String, String> accountOfBet = new HashMap<>();

  private JournalReplay(BetEngine engine) {
    this.engine = engine;
  }

  /** Applies {@code commands} in order to {@code engine}. */
  static JournalReplay of(BetEngine engine, List<EngineCommand> commands) {
    JournalReplay replay = new JournalReplay(engine);
    for (EngineCommand command : commands) {
      replay.apply(command);
    }
    return replay;
  }

  /** The bets the journal closed, by bet id (a bet placed again after its release counts once). */
  Map<String, Closing> closings() {
    return closings;
  }

  private void apply(EngineCommand command) {
    if (command instanceof EngineCommand.Place) {
      for (BetDecision d : EngineCommand.apply(engine, command)) {
        if (d.stands()) {
          engine
              .standingBet(d.betId())
              .ifPresent(bet -> accountOfBet.put(bet.betId(), bet.accountId()));
        }
      }
      return;
    }
    BetOutcomes.apply(
        engine,
        command,
        new BetOutcomes.Sink() {
          @Override
          public void settled(BetEngine.StandingBet bet, String currency, boolean won) {
            closings.put(
                bet.betId(),
                new Closing(
                    bet.betId(),
                    bet.accountId(),
                    currency,
                    won ? Closing.Ending.WON : Closing.Ending.LOST,
                    won ? bet.payoutMinor() : 0));
          }

          @Override
          public void returned(String betId, BetClosedListener.Ending ending) {
            released(betId);
          }

          @Override
          public void confirmed(String betId) {}
        });
  }

  private void released(String betId) {
    String account = accountOfBet.get(betId);
    if (account != null) {
      // A returned stake needs no currency: the hold is voided whole.
      closings.put(betId, new Closing(betId, account, "", Closing.Ending.RELEASED, 0));
    }
  }
}
