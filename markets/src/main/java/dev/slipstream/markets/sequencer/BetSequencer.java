package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.Rejection;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.markets.engine.AccountRiskView;
import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.markets.engine.BetEngine;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.MarketBook;
import dev.slipstream.platform.db.SchemaMigration;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.PlaceBet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>A request id an account sends again gets the first answer (the same bet id or the same
 * refusal; another bet under the same id gets {@code IDEMPOTENCY_CONFLICT}) and never a second
 * hold: the engine remembers each account's recent answers (rebuilt by the replay), and a copy that
 * arrives while the first is still on its way to the journal waits for the first's answer. Copies
 * are neither journaled nor held.
 */
public final class BetSequencer implements AutoCloseable {
  /** The markets schema: the journal. */
  public static final SchemaMigration MIGRATION =
      new SchemaMigration("markets", "classpath:db/markets");

  private static final Logger log = LoggerFactory.getLogger(BetSequencer.class);
  private static final int QUEUE = 65_536;

  private final String shard;
  private final BetEngine engine;
  private final BetJournal journal;
  private final BetMoney money;
  private volatile boolean pendingBets;
  private final InstantSource clock;
  private final LongSupplier nanoTime;
  private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private final RequestCopies copies = new RequestCopies();
  private final BetAnswers answers;
  private volatile boolean running = true;
  private volatile boolean failed;
  private volatile BetClosedListener closedBets = BetClosedListener.NONE;

  /** Moves the money of the bets a market command decided, then tells the listener. */
  private final BetOutcomes.Sink outcomes =
      new BetOutcomes.Sink() {
        @Override
        public void settled(BetEngine.StandingBet bet, String currency, boolean won) {
          money.settle(bet, currency, won);
          closedBets.closed(
              bet.betId(),
              won ? BetClosedListener.Ending.WON : BetClosedListener.Ending.LOST,
              won ? bet.payoutMinor() : 0);
        }

        @Override
        public void returned(String betId, BetClosedListener.Ending ending) {
          money.release(betId);
          closedBets.closed(betId, ending, 0);
        }

        @Override
        public void confirmed(String betId) {
          closedBets.confirmed(betId);
        }
      };

  private BetSequencer(
      String shard,
      BetEngine engine,
      BetJournal journal,
      BetMoney money,
      InstantSource clock,
      LongSupplier nanoTime) {
    this.shard = shard;
    this.engine = engine;
    this.journal = journal;
    this.money = money;
    this.clock = clock;
    this.answers = new BetAnswers(clock);
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
    return start(
        shard,
        dataSource,
        ledger,
        houseAccountId,
        limits,
        JournalPlace.postgres(),
        clock,
        nanoTime);
  }

  /**
   * The same, journaling where {@code place} says: PostgreSQL, or a local folder drained to it.
   *
   * @throws java.io.UncheckedIOException when a local journal cannot be read or drained
   */
  public static BetSequencer start(
      String shard,
      DataSource dataSource,
      Ledger ledger,
      long houseAccountId,
      @Nullable PlayerLimits limits,
      JournalPlace place,
      InstantSource clock,
      LongSupplier nanoTime)
      throws SQLException {
    BetJournal journal =
        OpenJournal.open(place, shard, dataSource, ledger, limits != null, clock, nanoTime);
    BetSequencer sequencer;
    JournalReplay replay;
    List<byte[]> entries;
    try {
      BetEngine engine = new BetEngine(shard);
      entries = ShardJournal.read(dataSource, shard);
      replay = JournalReplay.of(engine, entries.stream().map(CommandCodec::decode).toList());
      sequencer =
          new BetSequencer(
              shard,
              engine,
              journal,
              new BetMoney(ledger, houseAccountId, limits),
              clock,
              nanoTime);
    } catch (SQLException | RuntimeException e) {
      journal.close();
      throw e;
    }
    sequencer.rehold();
    int finished = sequencer.money.finish(replay.closings());
    sequencer.thread.start();
    log.info(
        "bet shard {} replayed {} journal entries; finished the money of {} bets closed before"
            + " a restart",
        shard,
        entries.size(),
        finished);
    return sequencer;
  }

  /** Submits a bet; the future completes once the decision is durable. */
  public CompletableFuture<BetResult> place(PlaceBet bet) {
    CompletableFuture<BetResult> reply = new CompletableFuture<>();
    if (!BetAnswers.numeric(bet.getAccountId())) {
      reply.complete(
          answers.result(
              BetDecision.rejectedFor(
                  bet.getRequestId(),
                  BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST,
                  "the account id must be a wallet number")));
      return reply;
    }
    EngineCommand.Place command = new EngineCommand.Place(bet, nanoTime.getAsLong());
    Runnable work =
        () -> {
          try {
            placeOnShard(command, reply);
          } catch (RuntimeException e) {
            // A bet the shard could not process is answered, never left waiting.
            log.error(
                "bet shard {}: bet {} failed: {}", shard, bet.getRequestId(), e.toString(), e);
            reply.complete(answers.unavailable(bet.getRequestId()));
          }
        };
    if (failed || !running || !queue.offer(work)) {
      reply.complete(answers.unavailable(bet.getRequestId()));
    }
    return reply;
  }

  /**
   * Cancels a bet of {@code accountId} that is still pending its delay; completes, once journaled,
   * with the decision: {@code CANCELLED} (its stake is being returned), or a refusal ({@code
   * UNKNOWN_BET}, {@code NOT_CANCELLABLE}).
   */
  public CompletableFuture<BetDecision> cancel(String betId, String accountId) {
    return submit(new EngineCommand.Cancel(betId, accountId)).thenApply(List::getFirst);
  }

  /** Whether bets wait out a delay: the desk then has each frame confirm or lapse them. */
  public boolean hasPending() {
    return pendingBets;
  }

  /** Submits a market command; the future completes, once journaled, with the bets it decided. */
  public CompletableFuture<List<BetDecision>> submit(EngineCommand command) {
    if (command instanceof EngineCommand.Place) {
      throw new IllegalArgumentException("bets go through place()");
    }
    CompletableFuture<List<BetDecision>> done = new CompletableFuture<>();
    Runnable work =
        () -> {
          try {
            commandOnShard(command, done);
          } catch (RuntimeException e) {
            log.error("bet shard {}: command {} failed: {}", shard, command, e.toString(), e);
            done.completeExceptionally(e);
          }
        };
    if (failed || !running || !queue.offer(work)) {
      done.completeExceptionally(
          new IllegalStateException("bet shard " + shard + " is unavailable"));
    }
    return done;
  }

  /**
   * Tells {@code listener} about every standing bet that leaves the shard from now on (settled,
   * voided, struck, lapsed or released); set it before bets are taken.
   */
  public void onBetClosed(BetClosedListener listener) {
    this.closedBets = java.util.Objects.requireNonNull(listener, "listener");
  }

  /**
   * The reconciliation port: open bet holds that no standing bet of this shard owns, and open
   * floats of this shard that it does not hold (given back, or asked for by a run before).
   */
  public HoldBacking holdBacking() {
    String floats = FloatTopUps.metadata(shard);
    return openHolds ->
        openHolds.stream()
            .filter(
                h ->
                    h.metadata() != null && h.metadata().startsWith("bet:")
                        ? !money.backs(h)
                        : floats.equals(h.metadata()) && !journal.ownsFloat(h))
            .map(Hold::id)
            .toList();
  }

  /**
   * Sets a bettor's risk settings (journaled, so they survive a restart): {@code confidence} 0–1
   * scales the largest stake, {@code betDelayMicros} holds their bets as pending that long, and a
   * blocked account may not bet. Completes once journaled; fails on values out of range.
   */
  public CompletableFuture<Void> setAccountRisk(
      String accountId, double confidence, long betDelayMicros, boolean blocked) {
    return submit(new EngineCommand.SetAccountRisk(accountId, confidence, betDelayMicros, blocked))
        .thenApply(decisions -> null);
  }

  /** A bettor's risk settings and late-bet record, read on the shard's thread. */
  public AccountRiskView accountRisk(String accountId) {
    CompletableFuture<AccountRiskView> view = new CompletableFuture<>();
    if (!queue.offer(() -> view.complete(engine.accountRisk(accountId)))) {
      throw new IllegalStateException("bet shard " + shard + " is unavailable");
    }
    return view.join();
  }

  /** A digest of the engine's state, read on the shard's thread after everything queued. */
  public long stateHash() {
    CompletableFuture<Long> hash = new CompletableFuture<>();
    queue.add(() -> hash.complete(engine.stateHash()));
    return hash.join();
  }

  /** Journal batches written, for metrics. */
  public long journalBatches() {
    return journal.stats().batches();
  }

  /**
   * What the journal's writes cost so far: batches, entries, retries, and the mean and longest time
   * to make one batch durable.
   */
  public JournalStats journalStats() {
    return journal.stats();
  }

  private void placeOnShard(EngineCommand.Place command, CompletableFuture<BetResult> reply) {
    if (failed) {
      reply.complete(answers.unavailable(command.bet().getRequestId()));
      return;
    }
    Optional<BetDecision> earlier = engine.earlierAnswer(command.bet());
    if (earlier.isPresent()) {
      copies.answer(
          command.bet(),
          earlier.get(),
          reply,
          answers::result,
          answers.unavailable(command.bet().getRequestId()));
      return;
    }
    BetDecision decision = engine.place(command.bet(), command.receivedNanos());
    if (!decision.stands()) {
      journal(command);
      reply.complete(answers.result(decision));
      return;
    }
    BetEngine.StandingBet bet = engine.standingBet(decision.betId()).orElseThrow();
    String currency = currency(bet.marketId());
    HoldRequest holdRequest;
    try {
      holdRequest = money.holdRequest(bet, currency);
    } catch (RuntimeException unholdable) {
      // Journaled with its release, so a replay takes and gives back the same bet.
      journal(command);
      release(
          bet.betId(), BetRejectCode.BET_REJECT_CODE_UNAVAILABLE, "the stake could not be held");
      throw unholdable;
    }
    copies.track(command.bet(), reply, queue::offer);
    // The journal covers the stake (held in its own commit, or drawn from the shard's float on
    // the wallet), or leaves it to the checked path; the bet is answered once both are certain.
    StakeEntry entry = journalBet(command, holdRequest);
    CompletableFuture<Outcome<Hold>> holding = money.holdAlong(bet, currency, entry.held());
    CompletableFuture<Outcome<?>> covered =
        entry
            .covered()
            .thenCompose(
                outcome ->
                    outcome != null
                        ? CompletableFuture.completedFuture(outcome)
                        : holding.thenApply(checked -> checked));
    entry
        .durable()
        .thenCombine(covered, (seq, outcome) -> outcome)
        .whenComplete(
            (outcome, failure) -> {
              if (failure != null) {
                BetResult refusal = answers.refusedBeforeHold(decision.requestId(), failure);
                release(bet.betId(), refusal.getRejectCode(), refusal.getRejectDetail());
                reply.complete(refusal);
              } else if (outcome instanceof Outcome.Refused<?> refused) {
                BetRejectCode code =
                    refused.reason() == Rejection.INSUFFICIENT_FUNDS
                        ? BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS
                        : BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST;
                release(bet.betId(), code, refused.message());
                reply.complete(
                    answers.result(
                        BetDecision.rejectedFor(decision.requestId(), code, refused.message())));
              } else {
                reply.complete(answers.result(decision));
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
      decisions = BetOutcomes.apply(engine, command, outcomes);
    } catch (IllegalArgumentException | IllegalStateException refused) {
      done.completeExceptionally(refused);
      return;
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
    return watched(journal.append(CommandCodec.encode(command)));
  }

  private StakeEntry journalBet(EngineCommand command, HoldRequest stake) {
    StakeEntry entry = journal.appendBet(CommandCodec.encode(command), stake);
    watched(entry.durable());
    return entry;
  }

  /** Stops the shard taking bets once a journal write has failed. */
  private CompletableFuture<Long> watched(CompletableFuture<Long> durable) {
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

  private void release(String betId) {
    release(betId, BetRejectCode.BET_REJECT_CODE_UNSPECIFIED, "");
  }

  /** Queues the release of a bet whose request was answered {@code code} (see the engine's). */
  private void release(String betId, BetRejectCode code, String detail) {
    EngineCommand.Release release = new EngineCommand.Release(betId, code, detail);
    if (!queue.offer(() -> commandOnShard(release, new CompletableFuture<>()))) {
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
          try {
            work.run();
          } finally {
            pendingBets = engine.hasPending();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("bet shard {}: a command failed: {}", shard, e.toString(), e);
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
