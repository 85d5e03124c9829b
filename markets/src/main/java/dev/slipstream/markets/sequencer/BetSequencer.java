package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.Rejection;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.markets.engine.BetEngine;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.MarketBook;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.db.SchemaMigration;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.PlaceBet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One market shard's single writer. Callers on any thread submit bets and market commands; one
 * thread applies them to the {@link BetEngine} in arrival order, journals each one (group commit),
 * and holds a standing bet's stake in the ledger in the same transaction as its journal entry, so
 * one commit makes both durable and a crash keeps both or neither (stakes of wallets with limits or
 * breaks on record are checked and held through the ledger's writer after the entry commits). A bet
 * is acknowledged only once its journal entry and its hold are both durable; a stake the ledger
 * cannot hold (no funds, unknown wallet) turns the bet into a rejection and a journaled {@code
 * Release}. Rejections are answered at once.
 *
 * <p>On start the shard's journal is replayed into a fresh engine, and the holds of the bets that
 * stand are asked for again (idempotently: the ledger returns the hold made before the crash, or
 * makes the one the crash prevented). A journal write that fails stops the shard taking bets
 * (answered {@code UNAVAILABLE}) until it restarts from its journal.
 */
public final class BetSequencer implements AutoCloseable {
  /** The markets schema: the journal. */
  public static final SchemaMigration MIGRATION =
      new SchemaMigration("markets", "classpath:db/markets");

  private static final Logger log = LoggerFactory.getLogger(BetSequencer.class);
  private static final int QUEUE = 65_536;

  private final String shard;
  private final BetEngine engine;
  private final ShardJournal journal;
  private final BetMoney money;
  private final InstantSource clock;
  private final LongSupplier nanoTime;
  private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean failed;

  private BetSequencer(
      String shard,
      BetEngine engine,
      ShardJournal journal,
      BetMoney money,
      InstantSource clock,
      LongSupplier nanoTime) {
    this.shard = shard;
    this.engine = engine;
    this.journal = journal;
    this.money = money;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.thread = new Thread(this::run, "bet-sequencer-" + shard);
  }

  /**
   * Starts a shard: replays its journal, asks the ledger again for the holds of standing bets, and
   * starts taking commands. The database must have {@link #MIGRATION} applied.
   *
   * @param houseAccountId the ledger account stakes are held towards and payouts come from
   */
  public static BetSequencer start(
      String shard,
      DataSource dataSource,
      Ledger ledger,
      long houseAccountId,
      InstantSource clock,
      LongSupplier nanoTime)
      throws SQLException {
    return start(shard, dataSource, ledger, houseAccountId, null, clock, nanoTime);
  }

  /**
   * The same, checking each stake against the bettor's responsible-gambling limits and breaks
   * before it is held (a refusal rejects the bet as {@code ACCOUNT_BLOCKED} or {@code
   * LIMIT_EXCEEDED}).
   */
  public static BetSequencer start(
      String shard,
      DataSource dataSource,
      Ledger ledger,
      long houseAccountId,
      @Nullable PlayerLimits limits,
      InstantSource clock,
      LongSupplier nanoTime)
      throws SQLException {
    BetEngine engine = new BetEngine(shard);
    List<byte[]> entries = ShardJournal.read(dataSource, shard);
    for (byte[] entry : entries) {
      EngineCommand.apply(engine, CommandCodec.decode(entry));
    }
    ShardJournal journal =
        new ShardJournal(dataSource, shard, lastSeq(dataSource, shard), clock, limits != null);
    BetSequencer sequencer =
        new BetSequencer(
            shard, engine, journal, new BetMoney(ledger, houseAccountId, limits), clock, nanoTime);
    sequencer.rehold();
    sequencer.thread.start();
    log.info("bet shard {} replayed {} journal entries", shard, entries.size());
    return sequencer;
  }

  /** Submits a bet; the future completes once the decision is durable. */
  public CompletableFuture<BetResult> place(PlaceBet bet) {
    CompletableFuture<BetResult> reply = new CompletableFuture<>();
    if (!numeric(bet.getAccountId())) {
      reply.complete(
          result(
              BetDecision.rejectedFor(
                  bet.getRequestId(),
                  BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST,
                  "the account id must be a wallet number")));
      return reply;
    }
    EngineCommand.Place command = new EngineCommand.Place(bet, nanoTime.getAsLong());
    if (failed || !running || !queue.offer(() -> placeOnShard(command, reply))) {
      reply.complete(unavailable(bet.getRequestId()));
    }
    return reply;
  }

  /** Submits a market command; the future completes, once journaled, with the bets it decided. */
  public CompletableFuture<List<BetDecision>> submit(EngineCommand command) {
    if (command instanceof EngineCommand.Place) {
      throw new IllegalArgumentException("bets go through place()");
    }
    CompletableFuture<List<BetDecision>> done = new CompletableFuture<>();
    if (failed || !running || !queue.offer(() -> commandOnShard(command, done))) {
      done.completeExceptionally(
          new IllegalStateException("bet shard " + shard + " is unavailable"));
    }
    return done;
  }

  /** The reconciliation port: open bet holds that no standing bet of this shard owns. */
  public HoldBacking holdBacking() {
    return openHolds ->
        openHolds.stream()
            .filter(h -> h.metadata() != null && h.metadata().startsWith("bet:"))
            .filter(h -> !money.backs(h))
            .map(Hold::id)
            .toList();
  }

  /** A digest of the engine's state, read on the shard's thread after everything queued. */
  public long stateHash() {
    CompletableFuture<Long> hash = new CompletableFuture<>();
    queue.add(() -> hash.complete(engine.stateHash()));
    return hash.join();
  }

  /** Journal batches written, for metrics. */
  public long journalBatches() {
    return journal.batches();
  }

  /**
   * What the journal's commits cost so far: batches, entries, retries, and the mean and longest
   * time to write and commit one batch (its bets' journal rows and stake holds together).
   */
  public JournalStats journalStats() {
    long batches = journal.batches();
    return new JournalStats(
        batches,
        journal.written(),
        journal.retries(),
        batches == 0 ? 0 : journal.commitNanos() / batches,
        journal.maxCommitNanos());
  }

  /**
   * The journal's figures.
   *
   * @param batches transactions committed
   * @param entries commands journaled
   * @param retries batches run again after a conflict or a lost connection
   * @param meanCommitNanos mean time to write and commit one batch
   * @param maxCommitNanos longest time to write and commit one batch
   */
  public record JournalStats(
      long batches, long entries, long retries, long meanCommitNanos, long maxCommitNanos) {}

  private void placeOnShard(EngineCommand.Place command, CompletableFuture<BetResult> reply) {
    if (failed) {
      reply.complete(unavailable(command.bet().getRequestId()));
      return;
    }
    BetDecision decision = engine.place(command.bet(), command.receivedNanos());
    if (!decision.stands()) {
      journal(command);
      reply.complete(result(decision));
      return;
    }
    BetEngine.StandingBet bet = engine.standingBet(decision.betId()).orElseThrow();
    String currency = currency(bet.marketId());
    // The stake is held in the journal's own transaction: one commit for the bet and its money.
    CompletableFuture<@Nullable Outcome<Hold>> inJournal = new CompletableFuture<>();
    CompletableFuture<Long> durable = journal(command, money.holdRequest(bet, currency), inJournal);
    durable
        .thenCombine(money.holdAlong(bet, currency, inJournal), (seq, outcome) -> outcome)
        .whenComplete(
            (outcome, failure) -> {
              if (failure != null) {
                release(bet.betId());
                reply.complete(refusedBeforeHold(decision.requestId(), failure));
              } else if (outcome instanceof Outcome.Refused<Hold> refused) {
                release(bet.betId());
                BetRejectCode code =
                    refused.reason() == Rejection.INSUFFICIENT_FUNDS
                        ? BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS
                        : BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST;
                reply.complete(
                    result(BetDecision.rejectedFor(decision.requestId(), code, refused.message())));
              } else {
                reply.complete(result(decision));
              }
            });
  }

  private void commandOnShard(EngineCommand command, CompletableFuture<List<BetDecision>> done) {
    if (failed) {
      done.completeExceptionally(
          new IllegalStateException("bet shard " + shard + " is unavailable"));
      return;
    }
    List<BetDecision> decisions;
    try {
      decisions =
          switch (command) {
            case EngineCommand.Settle settle -> {
              String currency = currency(settle.marketId());
              for (BetEngine.StandingBet bet : engine.settle(settle.marketId())) {
                money.settle(bet, currency, bet.selection() == settle.winningSelection());
              }
              yield List.of();
            }
            case EngineCommand.Void v -> {
              engine.voidMarket(v.marketId()).forEach(bet -> money.release(bet.betId()));
              yield List.of();
            }
            case EngineCommand.Release r -> {
              engine.release(r.betId());
              money.release(r.betId());
              yield List.of();
            }
            default -> EngineCommand.apply(engine, command);
          };
    } catch (IllegalArgumentException | IllegalStateException refused) {
      done.completeExceptionally(refused);
      return;
    }
    // Bets a suspension struck or a delay lapsed give their stakes back.
    for (BetDecision d : decisions) {
      if (!d.stands() && !d.betId().isEmpty()) {
        money.release(d.betId());
      }
    }
    journal(command)
        .whenComplete(
            (seq, failure) -> {
              if (failure != null) {
                done.completeExceptionally(failure);
              } else {
                done.complete(decisions);
              }
            });
  }

  private CompletableFuture<Long> journal(EngineCommand command) {
    return journal(command, null, null);
  }

  private CompletableFuture<Long> journal(
      EngineCommand command,
      @Nullable HoldRequest hold,
      @Nullable CompletableFuture<@Nullable Outcome<Hold>> held) {
    CompletableFuture<Long> durable = journal.append(CommandCodec.encode(command), hold, held);
    durable.exceptionally(
        e -> {
          if (!failed) {
            failed = true;
            log.error(
                "bet shard {}: the journal failed; no bets until a restart: {}",
                shard,
                e.toString());
          }
          return null;
        });
    return durable;
  }

  /** A stake the limits refused, or a ledger that could not be reached. */
  private BetResult refusedBeforeHold(String requestId, Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ConflictException refused) {
      BetRejectCode code =
          refused.code().equals("account_excluded")
              ? BetRejectCode.BET_REJECT_CODE_ACCOUNT_BLOCKED
              : BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED;
      return result(BetDecision.rejectedFor(requestId, code, refused.getMessage()));
    }
    return unavailable(requestId);
  }

  private void release(String betId) {
    if (!queue.offer(
        () -> commandOnShard(new EngineCommand.Release(betId), new CompletableFuture<>()))) {
      log.error("bet shard {}: could not queue the release of bet {}", shard, betId);
    }
  }

  private void rehold() {
    for (BetEngine.StandingBet bet : engine.allStandingBets()) {
      money
          .rehold(bet, currency(bet.marketId()))
          .thenAccept(
              outcome -> {
                if (outcome instanceof Outcome.Refused<Hold>) {
                  release(bet.betId());
                }
              });
    }
  }

  private String currency(String marketId) {
    return engine.market(marketId).map(MarketBook::currency).orElseThrow();
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      try {
        Runnable work = queue.poll(100, TimeUnit.MILLISECONDS);
        if (work != null) {
          work.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("bet shard {}: a command failed: {}", shard, e.toString(), e);
      }
    }
  }

  private BetResult unavailable(String requestId) {
    return result(
        BetDecision.rejectedFor(
            requestId,
            BetRejectCode.BET_REJECT_CODE_UNAVAILABLE,
            "the bet engine is unavailable; try again"));
  }

  private BetResult result(BetDecision decision) {
    return BetResult.newBuilder()
        .setRequestId(decision.requestId())
        .setBetId(decision.betId())
        .setStatus(decision.status())
        .setRejectCode(decision.rejectCode())
        .setRejectDetail(decision.detail())
        .setAcceptedOddsBp(decision.oddsBp())
        .setAcceptedPriceVersion(decision.priceVersion())
        .setAcknowledgedAtUnixUs(clock.instant().toEpochMilli() * 1000)
        .build();
  }

  private static boolean numeric(String accountId) {
    if (accountId.isEmpty() || accountId.length() > 18) {
      return false;
    }
    for (int i = 0; i < accountId.length(); i++) {
      if (!Character.isDigit(accountId.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static long lastSeq(DataSource dataSource, String shard) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM markets.journal WHERE shard = ?")) {
      s.setString(1, shard);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Stops taking commands, finishes those queued, and flushes the journal. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    journal.close();
  }
}
