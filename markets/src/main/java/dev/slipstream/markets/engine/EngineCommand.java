package dev.slipstream.markets.engine;

import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.List;

/**
 * Everything a shard's single writer does, as data: the journal records these in order, and
 * applying the same commands to a fresh engine rebuilds the same state (and the same decisions).
 */
public sealed interface EngineCommand {

  /** Opens a market. */
  record Open(
      String marketId,
      String streamId,
      String currency,
      List<String> selectionIds,
      int[] oddsBp,
      RiskLimits limits)
      implements EngineCommand {}

  /** New prices for a market. */
  record Reprice(String marketId, int[] oddsBp) implements EngineCommand {}

  /** A bet, with the monotonic time it reached the sequencer. */
  record Place(PlaceBet bet, long receivedNanos) implements EngineCommand {}

  /** A market suspended from a media time. */
  record Suspend(String marketId, long mediaTimeUs) implements EngineCommand {}

  /** A suspension lifted. */
  record Reopen(String marketId) implements EngineCommand {}

  /** A market closed to bets at a media time. */
  record Close(String marketId, long mediaTimeUs) implements EngineCommand {}

  /** A market settled: {@code winningSelection} won (its index), the rest lost. */
  record Settle(String marketId, int winningSelection) implements EngineCommand {}

  /** A market voided. */
  record Void(String marketId) implements EngineCommand {}

  /** Pending bets of a stream decided at a media time. */
  record ConfirmPending(String streamId, long mediaTimeUs) implements EngineCommand {}

  /**
   * A standing bet released (its money could not be held); {@code code} and {@code detail} are the
   * refusal its request was answered with, {@code UNSPECIFIED} when it had been answered before.
   */
  record Release(String betId, BetRejectCode code, String detail) implements EngineCommand {
    /** A release that leaves its request's first answer as it was. */
    public Release(String betId) {
      this(betId, BetRejectCode.BET_REJECT_CODE_UNSPECIFIED, "");
    }
  }

  /** A bettor cancels their bet while it is still pending its delay. */
  record Cancel(String betId, String accountId) implements EngineCommand {}

  /** An account's risk settings. */
  record SetAccountRisk(String accountId, double confidence, long betDelayMicros, boolean blocked)
      implements EngineCommand {}

  /**
   * Applies a command to an engine; returns the bet decisions it produced (the decision on a bet,
   * bets struck by a suspension, pending bets decided), empty for the rest.
   */
  static List<BetDecision> apply(BetEngine engine, EngineCommand command) {
    return switch (command) {
      case Open o -> {
        engine.open(
            o.marketId(), o.streamId(), o.currency(), o.selectionIds(), o.oddsBp(), o.limits());
        yield List.of();
      }
      case Reprice r -> {
        engine.reprice(r.marketId(), r.oddsBp());
        yield List.of();
      }
      case Place p -> List.of(engine.place(p.bet(), p.receivedNanos()));
      case Suspend s -> engine.suspend(s.marketId(), s.mediaTimeUs());
      case Reopen r -> {
        engine.reopen(r.marketId());
        yield List.of();
      }
      case Close c -> {
        engine.close(c.marketId(), c.mediaTimeUs());
        yield List.of();
      }
      case Settle s -> {
        engine.settle(s.marketId());
        yield List.of();
      }
      case Void v -> {
        engine.voidMarket(v.marketId());
        yield List.of();
      }
      case ConfirmPending c -> engine.confirmPending(c.streamId(), c.mediaTimeUs());
      case Release r -> {
        engine.release(r.betId(), r.code(), r.detail());
        yield List.of();
      }
      case Cancel c -> List.of(engine.cancel(c.betId(), c.accountId()));
      case SetAccountRisk a -> {
        engine.setAccountRisk(a.accountId(), a.confidence(), a.betDelayMicros(), a.blocked());
        yield List.of();
      }
    };
  }
}
