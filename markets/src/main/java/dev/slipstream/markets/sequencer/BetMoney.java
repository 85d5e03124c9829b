package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.PostRequest;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.markets.engine.BetEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bet's money, only ever through the ledger: the stake is held on the bettor's wallet when the
 * bet is accepted (towards the house), the hold is posted when the market settles (and the payout
 * transferred back if the bet won), and voided when the bet is struck, lapses or its market is
 * void. Every ledger call carries an idempotency id made from the bet id and the step, so a replay
 * after a crash repeats nothing.
 */
final class BetMoney {
  private static final Logger log = LoggerFactory.getLogger(BetMoney.class);
  private static final Duration HOLD_TIMEOUT = Duration.ofDays(1);

  private final Ledger ledger;
  private final long houseAccountId;
  private final @Nullable PlayerLimits limits;
  private final Map<String, CompletableFuture<Outcome<Hold>>> holds = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<?>> walletTails = new ConcurrentHashMap<>();
  // Limit checks wait on the database: one virtual thread each, not the common pool's one or two.
  private final java.util.concurrent.Executor checks =
      java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

  BetMoney(Ledger ledger, long houseAccountId, @Nullable PlayerLimits limits) {
    this.ledger = ledger;
    this.houseAccountId = houseAccountId;
    this.limits = limits;
  }

  /**
   * Holds a standing bet's stake; repeated for the same bet, returns the same hold. With player
   * limits, the stake is first checked against the bettor's break and stake and loss limits (a
   * refusal completes the future with the limit's {@code ConflictException}); one wallet's checks
   * and holds run one after another, so two bets cannot both slip under the same limit.
   */
  CompletableFuture<Outcome<Hold>> hold(BetEngine.StandingBet bet, String currency) {
    return holds.computeIfAbsent(bet.betId(), id -> checkedHold(bet, currency));
  }

  /**
   * Holds a standing bet's stake through its journal entry: {@code inJournal} completes with the
   * hold written in the journal's own commit, or with null when the wallet has limits or a break on
   * record, and then the stake goes through {@link #hold}'s checked path.
   */
  CompletableFuture<Outcome<Hold>> holdAlong(
      BetEngine.StandingBet bet,
      String currency,
      CompletableFuture<@Nullable Outcome<Hold>> inJournal) {
    CompletableFuture<Outcome<Hold>> result =
        inJournal.thenCompose(
            outcome ->
                outcome != null
                    ? CompletableFuture.completedFuture(outcome)
                    : checkedHold(bet, currency));
    holds.put(bet.betId(), result);
    return result;
  }

  /** The same without the limits check: a bet that stood before a restart keeps its hold. */
  CompletableFuture<Outcome<Hold>> rehold(BetEngine.StandingBet bet, String currency) {
    return holds.computeIfAbsent(bet.betId(), id -> ledger.submitHold(holdRequest(bet, currency)));
  }

  private CompletableFuture<Outcome<Hold>> checkedHold(BetEngine.StandingBet bet, String currency) {
    if (limits == null) {
      return ledger.submitHold(holdRequest(bet, currency));
    }
    long wallet = Long.parseLong(bet.accountId());
    CompletableFuture<Outcome<Hold>> result = new CompletableFuture<>();
    walletTails.compute(
        wallet,
        (w, tail) ->
            (tail == null ? CompletableFuture.completedFuture(null) : tail)
                .handle((ignored, failure) -> null)
                .thenComposeAsync(
                    ignored -> {
                      limits.checkStake(wallet, bet.stakeMinor());
                      return ledger.submitHold(holdRequest(bet, currency));
                    },
                    checks)
                .whenComplete(
                    (outcome, failure) -> {
                      if (failure != null) {
                        result.completeExceptionally(unwrap(failure));
                      } else {
                        result.complete(outcome);
                      }
                    }));
    result.whenComplete(
        (o, f) -> walletTails.computeIfPresent(wallet, (w, tail) -> tail.isDone() ? null : tail));
    return result;
  }

  HoldRequest holdRequest(BetEngine.StandingBet bet, String currency) {
    return new HoldRequest(
        uuid(bet.betId(), "hold"),
        Long.parseLong(bet.accountId()),
        houseAccountId,
        bet.stakeMinor(),
        currency,
        TransferKind.STAKE,
        HOLD_TIMEOUT,
        "bet:" + bet.betId());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** Releases a bet's hold (struck, lapsed, void, or never accepted). */
  void release(String betId) {
    CompletableFuture<Outcome<Hold>> hold = holds.remove(betId);
    if (hold != null) {
      hold.thenAccept(
          outcome -> {
            if (outcome instanceof Outcome.Done<Hold> done) {
              ledger.submitVoid(done.value().id()).thenAccept(v -> logRefusal(betId, "void", v));
            }
          });
    }
  }

  /** Settles a bet: the stake goes to the house, and a winner gets the payout. */
  void settle(BetEngine.StandingBet bet, String currency, boolean won) {
    CompletableFuture<Outcome<Hold>> hold = holds.remove(bet.betId());
    if (hold == null) {
      return;
    }
    hold.thenAccept(
        outcome -> {
          if (outcome instanceof Outcome.Done<Hold> done) {
            ledger
                .submitPost(PostRequest.full(uuid(bet.betId(), "post"), done.value().id()))
                .thenAccept(
                    posted -> {
                      logRefusal(bet.betId(), "post", posted);
                      if (won) {
                        ledger
                            .submit(
                                new TransferRequest(
                                    uuid(bet.betId(), "payout"),
                                    houseAccountId,
                                    Long.parseLong(bet.accountId()),
                                    bet.payoutMinor(),
                                    currency,
                                    TransferKind.PAYOUT,
                                    "bet:" + bet.betId()))
                            .thenAccept(paid -> logRefusal(bet.betId(), "payout", paid));
                      }
                    });
          }
        });
  }

  /** Whether an open hold belongs to a bet this shard holds money for. */
  boolean backs(Hold hold) {
    String metadata = hold.metadata();
    return metadata != null
        && metadata.startsWith("bet:")
        && holds.containsKey(metadata.substring("bet:".length()));
  }

  private static void logRefusal(String betId, String step, Outcome<?> outcome) {
    if (outcome instanceof Outcome.Refused<?> refused) {
      log.error("bet {}: ledger refused the {}: {}", betId, step, refused.message());
    }
  }

  static UUID uuid(String betId, String step) {
    return UUID.nameUUIDFromBytes((betId + "/" + step).getBytes(StandardCharsets.UTF_8));
  }
}
