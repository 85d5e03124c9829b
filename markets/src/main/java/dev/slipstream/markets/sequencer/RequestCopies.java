package dev.slipstream.markets.sequencer;

import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Copies of a bet request (the same account and request id) that reach a shard while the first
 * copy's answer is not durable yet: they wait for the first copy's answer instead of taking the
 * engine's early decision, which its journal write or its stake hold may still turn into a refusal.
 * Once the first answer is out, the engine's remembered answer (already rewritten by any release)
 * answers later copies. Owned by the shard's thread; {@code forget} runs there too.
 */
final class RequestCopies {
  private final Map<String, CompletableFuture<BetResult>> inFlight = new HashMap<>();

  /**
   * Tracks a first copy until it is answered; {@code onShard} runs the forgetting on the shard's
   * thread after the answer (and after any release queued before it).
   */
  void track(
      PlaceBet bet, CompletableFuture<BetResult> reply, Function<Runnable, Boolean> onShard) {
    String key = key(bet);
    inFlight.put(key, reply);
    reply.whenComplete((answer, failure) -> onShard.apply(() -> inFlight.remove(key, reply)));
  }

  /**
   * Answers a copy of a request the engine already decided: with the first copy's answer once that
   * is out, or at once when it is (or when the copy conflicts with the first).
   *
   * @param answered the engine's remembered decision, turned into the wire's answer
   * @param unavailable the answer when the first copy failed outright
   */
  void answer(
      PlaceBet bet,
      BetDecision earlier,
      CompletableFuture<BetResult> reply,
      Function<BetDecision, BetResult> answered,
      BetResult unavailable) {
    CompletableFuture<BetResult> first =
        earlier.rejectCode() == BetRejectCode.BET_REJECT_CODE_IDEMPOTENCY_CONFLICT
            ? null
            : inFlight.get(key(bet));
    if (first == null) {
      reply.complete(answered.apply(earlier));
    } else {
      first.whenComplete(
          (answer, failure) -> reply.complete(failure == null ? answer : unavailable));
    }
  }

  private static String key(PlaceBet bet) {
    return bet.getAccountId() + '/' + bet.getRequestId();
  }
}
