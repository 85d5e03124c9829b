package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.Rejection;
import dev.slipstream.ledger.TransferKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the ledger for floats, off the journal's writer thread, and gives them back. A float is a
 * quarter of what the wallet has available, at least {@link #FLOAT_STAKES} stakes like the one that
 * asked for it, never more than the wallet has (and never less than that one stake): a bettor's
 * money is not all tied up while they bet, and a busy bettor needs a new float only now and then. A
 * wallet with limits or a break on record gets none, its stakes take the checked path. Answers go
 * to {@code answers}, on a virtual thread of their own.
 */
final class FloatTopUps implements AutoCloseable {
  /** How many stakes like the asking one a float covers at least, when the wallet has them. */
  static final int FLOAT_STAKES = 20;

  /** A float lives a day at most in the ledger; the shard gives it back long before. */
  private static final Duration FLOAT_TIMEOUT = Duration.ofDays(1);

  private static final Logger log = LoggerFactory.getLogger(FloatTopUps.class);

  /** How a request for a float ended. */
  sealed interface Result {
    /** A float was reserved. */
    record Reserved(Hold hold) implements Result {}

    /** The wallet has limits or a break on record: its stakes take the checked path. */
    record Screened() implements Result {}

    /** The ledger refused even the one stake (no funds, unknown wallet). */
    record Refused(Outcome.Refused<?> refusal) implements Result {}

    /** The ledger could not be asked. */
    record Failed(Throwable failure) implements Result {}
  }

  private final Ledger ledger;
  private final @Nullable DataSource screenSource;
  private final String owner;
  private final BiConsumer<Long, Result> answers;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * The idempotency ids of every float this shard asked for and has not given back: asked for
   * before the ledger sees the request, so reconciliation never takes a float on its way for one
   * nobody owns.
   */
  private final Set<UUID> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param screenSource where players' limits are read, or null when stakes are not checked against
   *     limits
   */
  FloatTopUps(
      Ledger ledger,
      @Nullable DataSource screenSource,
      String shard,
      BiConsumer<Long, Result> answers) {
    this.ledger = ledger;
    this.screenSource = screenSource;
    this.owner = metadata(shard);
    this.answers = answers;
  }

  /** The metadata every float of {@code shard} carries. */
  static String metadata(String shard) {
    return "float:" + shard;
  }

  /** Asks for a float on the stake's wallet to cover it; the answer comes later. */
  void request(HoldRequest stake) {
    requests.execute(() -> answers.accept(stake.debitAccountId(), reserve(stake)));
  }

  private Result reserve(HoldRequest stake) {
    try {
      if (screenSource != null
          && !screened(screenSource, Set.of(stake.debitAccountId())).isEmpty()) {
        return new Result.Screened();
      }
      Account wallet = ledger.findAccount(stake.debitAccountId()).orElse(null);
      if (wallet == null || wallet.available() < stake.amount()) {
        return new Result.Refused(
            new Outcome.Refused<Hold>(
                wallet == null ? Rejection.ACCOUNT_NOT_FOUND : Rejection.INSUFFICIENT_FUNDS,
                wallet == null
                    ? "no wallet " + stake.debitAccountId() + " in the ledger"
                    : "wallet "
                        + wallet.id()
                        + " has "
                        + wallet.available()
                        + " available, the stake is "
                        + stake.amount()));
      }
      long wanted =
          Math.min(
              wallet.available(),
              Math.max(
                  wallet.available() / 4, Math.multiplyExact(stake.amount(), (long) FLOAT_STAKES)));
      Outcome<Hold> outcome = ask(floatFor(stake, wanted));
      if (outcome instanceof Outcome.Refused<Hold> refused
          && refused.reason() == Rejection.INSUFFICIENT_FUNDS
          && wanted > stake.amount()) {
        // spent elsewhere since it was read: the stake alone, at least
        outcome = ask(floatFor(stake, stake.amount()));
      }
      return switch (outcome) {
        case Outcome.Done<Hold> done -> new Result.Reserved(done.value());
        case Outcome.Refused<Hold> refused -> new Result.Refused(refused);
      };
    } catch (RuntimeException | SQLException e) {
      return new Result.Failed(e);
    }
  }

  /** Asks the ledger for one float; a refused one was never made and is not live. */
  private Outcome<Hold> ask(HoldRequest request) {
    live.add(request.idempotencyId());
    Outcome<Hold> outcome = ledger.submitHold(request).join();
    if (outcome instanceof Outcome.Refused<Hold>) {
      live.remove(request.idempotencyId());
    }
    return outcome;
  }

  /** Whether {@code hold} is a float of this shard it has not given back. */
  boolean owns(Hold hold) {
    return live.contains(hold.idempotencyId());
  }

  private HoldRequest floatFor(HoldRequest stake, long amount) {
    return new HoldRequest(
        UUID.randomUUID(),
        stake.debitAccountId(),
        stake.creditAccountId(),
        amount,
        stake.currency(),
        TransferKind.BET_FLOAT,
        FLOAT_TIMEOUT,
        owner);
  }

  /** Gives a float's rest back to its wallet; completes once the ledger has voided it. */
  CompletableFuture<?> release(ShardFloats.Float given) {
    return ledger
        .submitVoid(given.holdId)
        .whenComplete(
            (outcome, failure) -> {
              if (failure != null) {
                log.warn("float {}: could not be given back: {}", given.holdId, failure.toString());
              } else if (outcome instanceof Outcome.Refused<Hold> refused) {
                log.error(
                    "float {}: the ledger refused its void: {}", given.holdId, refused.message());
              } else {
                live.remove(given.idempotencyId);
              }
            });
  }

  /** Of {@code wallets}, those with limits or a break on record. */
  static Set<Long> screened(DataSource dataSource, Collection<Long> wallets) throws SQLException {
    Set<Long> found = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                dev.slipstream.ledger.limits.PlayerLimits.WALLETS_WITH_LIMITS.sql())) {
      s.setArray(1, c.createArrayOf("bigint", wallets.toArray()));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getLong(1));
        }
      }
    }
    return found;
  }

  @Override
  public void close() {
    requests.close();
  }
}
