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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
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

  /**
   * Each standing bet's stake, by bet id: the ledger's answer still to come, then only the hold's
   * id (a bench run keeps 150,000 bets standing; each kept its whole {@code Hold} and futures,
   * which the young collections copied).
   */
  private final Map<String, Stake> stakes = new ConcurrentHashMap<>();

  private final Map<Long, CompletableFuture<?>> walletTails = new ConcurrentHashMap<>();
  // Limit checks wait on the database: one virtual thread each, not the common pool's one or two.
  private final java.util.concurrent.Executor checks =
      java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

  BetMoney(Ledger ledger, long houseAccountId, @Nullable PlayerLimits limits) {
    this.ledger = ledger;
    this.houseAccountId = houseAccountId;
    this.limits = limits;
  }

  /** A bet's stake: being held (the ledger's answer to come), or held under a hold id. */
  private sealed interface Stake permits Holding, Held {}

  private record Holding(CompletableFuture<Outcome<Hold>> future) implements Stake {}

  private record Held(long holdId) implements Stake {}

  /**
   * Holds a standing bet's stake through its journal entry: {@code inJournal} completes with the
   * hold written in the journal's own commit, or with null when the wallet has limits or a break on
   * record, and then the stake is first checked against the bettor's break and stake and loss
   * limits (a refusal completes the future with the limit's {@code ConflictException}); one
   * wallet's checks and holds run one after another, so two bets cannot both slip under the same
   * limit.
   */
  CompletableFuture<Outcome<Hold>> holdAlong(
      BetEngine.StandingBet bet,
      String currency,
      CompletableFuture<@Nullable Outcome<Hold>> inJournal) {
    return track(
        bet.betId(),
        inJournal.thenCompose(
            outcome ->
                outcome != null
                    ? CompletableFuture.completedFuture(outcome)
                    : checkedHold(bet, currency)));
  }

  /** The same without the limits check: a bet that stood before a restart keeps its hold. */
  CompletableFuture<Outcome<Hold>> rehold(BetEngine.StandingBet bet, String currency) {
    return track(bet.betId(), ledger.submitHold(holdRequest(bet, currency)));
  }

  /** Remembers a bet's stake as being held, and once held, by its hold id alone. */
  private CompletableFuture<Outcome<Hold>> track(
      String betId, CompletableFuture<Outcome<Hold>> holding) {
    Holding stake = new Holding(holding);
    stakes.put(betId, stake);
    holding.thenAccept(
        outcome -> {
          if (outcome instanceof Outcome.Done<Hold> done) {
            stakes.replace(betId, stake, new Held(done.value().id()));
          }
        });
    return holding;
  }

  /** Runs {@code then} with the stake's hold id once it is held; never for a refused hold. */
  private static void whenHeld(@Nullable Stake stake, LongConsumer then) {
    switch (stake) {
      case null -> {}
      case Held held -> then.accept(held.holdId());
      case Holding holding ->
          holding
              .future()
              .thenAccept(
                  outcome -> {
                    if (outcome instanceof Outcome.Done<Hold> done) {
                      then.accept(done.value().id());
                    }
                  });
    }
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
    whenHeld(
        stakes.remove(betId),
        holdId -> ledger.submitVoid(holdId).thenAccept(v -> logRefusal(betId, "void", v)));
  }

  /**
   * Settles a bet: a winner is paid first, then the stake goes to the house. In that order a crash
   * between the two leaves the stake held, and {@link #finish} completes both at the next start
   * (the payout's key makes a second payout a no-op).
   */
  void settle(BetEngine.StandingBet bet, String currency, boolean won) {
    whenHeld(
        stakes.remove(bet.betId()),
        holdId ->
            settleHold(
                bet.betId(), bet.accountId(), currency, won ? bet.payoutMinor() : 0, holdId));
  }

  private CompletableFuture<?> settleHold(
      String betId, String accountId, String currency, long payoutMinor, long holdId) {
    CompletableFuture<?> paid =
        payoutMinor == 0
            ? CompletableFuture.completedFuture(null)
            : ledger
                .submit(
                    new TransferRequest(
                        uuid(betId, "payout"),
                        houseAccountId,
                        Long.parseLong(accountId),
                        payoutMinor,
                        currency,
                        TransferKind.PAYOUT,
                        "bet:" + betId))
                .thenAccept(outcome -> logRefusal(betId, "payout", outcome));
    return paid.thenCompose(
        ignored ->
            ledger
                .submitPost(PostRequest.full(uuid(betId, "post"), holdId))
                .thenAccept(posted -> logRefusal(betId, "post", posted)));
  }

  /**
   * Moves the money of bets the journal closed whose stakes are still held: the steps a crash cut
   * short between the journal's commit and the ledger's. Returns how many bets it finished.
   */
  int finish(Map<String, JournalReplay.Closing> closings) {
    Map<String, List<JournalReplay.Closing>> byAccount = new java.util.HashMap<>();
    for (JournalReplay.Closing closing : closings.values()) {
      byAccount.computeIfAbsent(closing.accountId(), a -> new ArrayList<>()).add(closing);
    }
    List<CompletableFuture<?>> steps = new ArrayList<>();
    for (String account : byAccount.keySet()) {
      List<Hold> open;
      try {
        open = ledger.openHolds(Long.parseLong(account));
      } catch (RuntimeException e) {
        log.warn("account {}: its open holds could not be read: {}", account, e.toString());
        continue;
      }
      for (Hold hold : open) {
        String metadata = hold.metadata();
        JournalReplay.Closing closing =
            metadata != null && metadata.startsWith("bet:")
                ? closings.get(metadata.substring("bet:".length()))
                : null;
        if (closing == null) {
          continue;
        }
        steps.add(
            switch (closing.ending()) {
              case RELEASED ->
                  ledger
                      .submitVoid(hold.id())
                      .thenAccept(v -> logRefusal(closing.betId(), "void", v));
              case WON, LOST ->
                  settleHold(
                      closing.betId(),
                      closing.accountId(),
                      closing.currency(),
                      closing.payoutMinor(),
                      hold.id());
            });
      }
    }
    CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).join();
    return steps.size();
  }

  /** Whether an open hold belongs to a bet this shard holds money for. */
  boolean backs(Hold hold) {
    String metadata = hold.metadata();
    return metadata != null
        && metadata.startsWith("bet:")
        && stakes.containsKey(metadata.substring("bet:".length()));
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
