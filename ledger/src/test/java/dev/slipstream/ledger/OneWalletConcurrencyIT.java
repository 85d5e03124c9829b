package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.db.Database;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A thousand bets, deposits and withdrawals race on one wallet, every request sent twice at once (a
 * client retrying): the wallet never goes negative, nothing applies twice, the books balance.
 */
class OneWalletConcurrencyIT {
  private static final int BETS = 1_000;
  private static final int DEPOSITS = 300;
  private static final int WITHDRAWALS = 300;
  private static final long START = 50_000;

  @Test
  void parallelBetsDepositsAndWithdrawalsOnOneWalletNeverOverspendAndApplyOnce() throws Exception {
    Database db = LedgerSchema.fresh();
    try (Ledger ledger =
        Ledger.postgres(
            db.dataSource(),
            InstantSource.system(),
            LedgerSettings.defaults().withoutSweeper(),
            null)) {
      Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
      Account wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, "p1", "EUR");
      Account escrow = ledger.openAccount(AccountKind.BET_ESCROW, "mkt", "EUR");
      ledger.transfer(
          TransferRequest.of(
              UUID.randomUUID(), clearing.id(), wallet.id(), START, "EUR", TransferKind.DEPOSIT));

      List<Runnable> tasks = new ArrayList<>();
      List<Op> ops = Collections.synchronizedList(new ArrayList<>());
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < DEPOSITS; i++) {
        TransferRequest r =
            TransferRequest.of(
                UUID.randomUUID(),
                clearing.id(),
                wallet.id(),
                100 + random.nextInt(1_900),
                "EUR",
                TransferKind.DEPOSIT);
        tasks.add(() -> ops.add(Op.of(r.amount(), twice(() -> ledger.submit(r)))));
      }
      for (int i = 0; i < WITHDRAWALS; i++) {
        TransferRequest r =
            TransferRequest.of(
                UUID.randomUUID(),
                wallet.id(),
                clearing.id(),
                100 + random.nextInt(1_900),
                "EUR",
                TransferKind.WITHDRAWAL);
        tasks.add(() -> ops.add(Op.of(-r.amount(), twice(() -> ledger.submit(r)))));
      }
      for (int i = 0; i < BETS; i++) {
        long stake = 100 + random.nextInt(900);
        int ending = random.nextInt(4);
        HoldRequest hold =
            new HoldRequest(
                UUID.randomUUID(),
                wallet.id(),
                escrow.id(),
                stake,
                "EUR",
                TransferKind.STAKE,
                Duration.ofMinutes(5),
                "bet:" + i);
        tasks.add(() -> ops.add(bet(ledger, hold, ending)));
      }
      Collections.shuffle(tasks, new java.util.Random(7));

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong lowestAvailable = new AtomicLong(Long.MAX_VALUE);
      Thread watcher =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (running.get()) {
                      Account now = ledger.account(wallet.id());
                      lowestAvailable.accumulateAndGet(
                          Math.min(now.available(), now.balance()), Math::min);
                    }
                  });
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> running0 = new ArrayList<>();
        tasks.forEach(t -> running0.add(pool.submit(t)));
        for (Future<?> f : running0) {
          f.get();
        }
      }
      running.set(false);
      watcher.join();

      long expected = START + ops.stream().mapToLong(Op::applied).sum();
      long appliedTransfers = 1 + ops.stream().mapToLong(Op::transfers).sum();
      Account after = ledger.account(wallet.id());
      assertThat(lowestAvailable.get()).isNotNegative();
      assertThat(after.balance()).isEqualTo(expected).isNotNegative();
      assertThat(after.held()).isZero();
      assertThat(LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM ledger.transfers"))
          .isEqualTo(appliedTransfers);
      assertThat(
              LedgerSchema.queryLong(
                  db.dataSource(), "SELECT count(DISTINCT idempotency_id) FROM ledger.transfers"))
          .isEqualTo(appliedTransfers);
      assertThat(ops.stream().filter(o -> o.applied() != 0).count())
          .as("some of each kind of request succeeded")
          .isGreaterThan(500);
      assertThat(
              LedgerSchema.queryLong(db.dataSource(), "SELECT sum(balance) FROM ledger.accounts"))
          .isZero();
      ReconciliationReport report =
          Reconciliation.postgres(
                  db.dataSource(), InstantSource.system(), HoldBacking.unchecked(), null)
              .run();
      assertThat(report.discrepancies()).isEmpty();
    }
  }

  @Test
  void twoWritersSharingOneDatabaseNeverOverspendOneWallet() throws Exception {
    Database db = LedgerSchema.fresh();
    LedgerSettings settings = LedgerSettings.defaults().withoutSweeper();
    try (Ledger first = Ledger.postgres(db.dataSource(), InstantSource.system(), settings, null);
        Ledger second = Ledger.postgres(db.dataSource(), InstantSource.system(), settings, null)) {
      Account clearing = first.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
      Account wallet = first.openAccount(AccountKind.PLAYER_WALLET, "p1", "EUR");
      first.transfer(
          TransferRequest.of(
              UUID.randomUUID(), clearing.id(), wallet.id(), 20_000, "EUR", TransferKind.DEPOSIT));
      List<CompletableFuture<Outcome<Transfer>>> results = new ArrayList<>();
      List<Long> changes = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(3);
      for (int i = 0; i < 4_000; i++) {
        boolean deposit = random.nextInt(3) == 0;
        long amount = 1 + random.nextInt(100);
        TransferRequest request =
            deposit
                ? TransferRequest.of(
                    UUID.randomUUID(),
                    clearing.id(),
                    wallet.id(),
                    amount,
                    "EUR",
                    TransferKind.DEPOSIT)
                : TransferRequest.of(
                    UUID.randomUUID(),
                    wallet.id(),
                    clearing.id(),
                    amount,
                    "EUR",
                    TransferKind.WITHDRAWAL);
        results.add((i % 2 == 0 ? first : second).submit(request));
        changes.add(deposit ? amount : -amount);
      }
      long expected = 20_000;
      long refused = 0;
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).join() instanceof Outcome.Done<Transfer>) {
          expected += changes.get(i);
        } else {
          refused++;
        }
      }

      assertThat(refused).as("the wallet ran dry at times").isPositive();
      assertThat(first.account(wallet.id()).balance()).isEqualTo(expected).isNotNegative();
      assertThat(
              Reconciliation.postgres(
                      db.dataSource(), InstantSource.system(), HoldBacking.unchecked(), null)
                  .run()
                  .discrepancies())
          .isEmpty();
    }
  }

  /** A bet: hold the stake, then post all, post part, or void; each step sent twice at once. */
  private static Op bet(Ledger ledger, HoldRequest request, int ending) {
    Hold hold = onlyOnce(twice(() -> ledger.submitHold(request)));
    if (hold == null) {
      return new Op(0, 0);
    }
    return switch (ending) {
      case 0 -> {
        twice(() -> ledger.submitVoid(hold.id()));
        yield new Op(0, 0);
      }
      case 1 -> {
        PostRequest part = PostRequest.partial(UUID.randomUUID(), hold.id(), hold.amount() / 2);
        Transfer t = onlyOnce(twice(() -> ledger.submitPost(part)));
        yield new Op(-t.amount(), 1);
      }
      default -> {
        PostRequest all = PostRequest.full(UUID.randomUUID(), hold.id());
        Transfer t = onlyOnce(twice(() -> ledger.submitPost(all)));
        yield new Op(-t.amount(), 1);
      }
    };
  }

  /** Sends the same request twice concurrently and returns both outcomes. */
  private static <T> List<Outcome<T>> twice(
      java.util.function.Supplier<CompletableFuture<Outcome<T>>> send) {
    CompletableFuture<Outcome<T>> a = send.get();
    CompletableFuture<Outcome<T>> b = send.get();
    return List.of(a.join(), b.join());
  }

  /**
   * Returns the value both copies agreed on when the request applied, checking it applied once;
   * null when it was refused.
   */
  private static <T> T onlyOnce(List<Outcome<T>> outcomes) {
    List<Outcome.Done<T>> done =
        outcomes.stream()
            .filter(o -> o instanceof Outcome.Done<T>)
            .map(o -> (Outcome.Done<T>) o)
            .toList();
    assertThat(done.stream().filter(d -> !d.replayed()).count()).isLessThanOrEqualTo(1);
    assertThat(done.stream().map(Outcome.Done::value).distinct().count()).isLessThanOrEqualTo(1);
    return done.isEmpty() ? null : done.getFirst().value();
  }

  /**
   * What one operation did to the wallet.
   *
   * @param applied the change to the wallet's balance
   * @param transfers transfers it committed
   */
  private record Op(long applied, long transfers) {
    static Op of(long change, List<Outcome<Transfer>> outcomes) {
      Transfer t = onlyOnce(outcomes);
      return t == null ? new Op(0, 0) : new Op(change, 1);
    }
  }
}
