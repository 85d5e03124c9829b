package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.Transfer;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A thousand bets through the real bet path (engine, journal, stake holds written in the journal's
 * transaction) race with 300 deposits and 300 withdrawals through the ledger's writer, all on ONE
 * wallet in the real PostgreSQL, every deposit and withdrawal sent twice at once under the same
 * idempotency id (a client retrying). The wallet never goes negative, nothing is applied twice, the
 * market settles, the ledger sums to zero and reconciles against the bets the journal holds.
 */
class OneWalletBetsIT {
  private static final int BETS = 1_000;
  private static final int DEPOSITS = 300;
  private static final int WITHDRAWALS = 300;
  private static final long START = 50_000;
  private static final RiskLimits NO_RATE_LIMIT =
      new RiskLimits(10, 50_000, 1_000_000_000L, 1_000_000, 1_000_000);

  @Test
  void parallelBetsDepositsAndWithdrawalsOnOneWalletNeverOverspendAndApplyOnce() throws Exception {
    storm(false);
  }

  /** The same, each bet also sent twice at once under its request id: placed once, held once. */
  @Test
  void aBetRetriedUnderItsRequestIdIsPlacedOnce() throws Exception {
    storm(true);
  }

  private void storm(boolean retryBets) throws Exception {
    Database db = TestDatabase.embedded();
    sql(db.dataSource(), "DROP SCHEMA IF EXISTS ledger CASCADE");
    sql(db.dataSource(), "DROP SCHEMA IF EXISTS markets CASCADE");
    db.migrate(List.of(Ledger.MIGRATION, BetSequencer.MIGRATION));
    try (Ledger ledger =
        Ledger.postgres(
            db.dataSource(), Clock.systemUTC(), LedgerSettings.defaults().withoutSweeper(), null)) {
      Account house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
      Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
      Account wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, "p1", "EUR");
      ledger.transfer(
          TransferRequest.of(
              UUID.randomUUID(), clearing.id(), wallet.id(), START, "EUR", TransferKind.DEPOSIT));
      try (BetSequencer shard =
          BetSequencer.start(
              "one-wallet",
              db.dataSource(),
              ledger,
              house.id(),
              Clock.systemUTC(),
              System::nanoTime)) {
        shard
            .submit(
                new EngineCommand.Open(
                    "m1",
                    "str",
                    "EUR",
                    List.of("yes", "no"),
                    new int[] {20_000, 20_000},
                    NO_RATE_LIMIT))
            .join();

        List<Runnable> tasks = new ArrayList<>();
        List<Long> walletChanges = Collections.synchronizedList(new ArrayList<>());
        List<BetResult> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicLong refusedBets = new AtomicLong();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < DEPOSITS; i++) {
          TransferRequest r =
              TransferRequest.of(
                  UUID.randomUUID(),
                  clearing.id(),
                  wallet.id(),
                  100 + random.nextInt(1_900),
                  "EUR",
                  TransferKind.DEPOSIT);
          tasks.add(() -> once(twice(() -> ledger.submit(r)), r.amount(), walletChanges));
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
          tasks.add(() -> once(twice(() -> ledger.submit(r)), -r.amount(), walletChanges));
        }
        for (int i = 0; i < BETS; i++) {
          PlaceBet bet =
              bet("bet-" + i, wallet.id(), i % 2 == 0 ? "yes" : "no", 100 + random.nextInt(900));
          tasks.add(
              () -> {
                CompletableFuture<BetResult> a = shard.place(bet);
                CompletableFuture<BetResult> b = retryBets ? shard.place(bet) : a;
                BetResult first = a.join();
                BetResult second = b.join();
                assertThat(second.getBetId())
                    .as("a retried bet gets the same answer")
                    .isEqualTo(first.getBetId());
                assertThat(second.getStatus()).isEqualTo(first.getStatus());
                if (first.getStatus() == BetStatus.BET_STATUS_ACCEPTED) {
                  accepted.add(first);
                } else {
                  refusedBets.incrementAndGet();
                }
              });
        }
        Collections.shuffle(tasks, new Random(13));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        Thread watcher =
            Thread.ofVirtual()
                .start(
                    () -> {
                      while (running.get()) {
                        Account now = ledger.account(wallet.id());
                        lowest.accumulateAndGet(
                            Math.min(now.balance(), now.available()), Math::min);
                      }
                    });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<?>> futures = new ArrayList<>();
          tasks.forEach(t -> futures.add(pool.submit(t)));
          for (Future<?> f : futures) {
            f.get();
          }
        }

        assertThat(accepted).as("bets accepted").hasSizeGreaterThan(50);
        assertThat(refusedBets.get()).as("bets refused once the wallet ran dry").isPositive();
        assertThat(accepted.stream().map(BetResult::getBetId).distinct().count())
            .isEqualTo(accepted.size());
        assertThat(queryLong(db, "SELECT count(*) FROM ledger.holds WHERE metadata LIKE 'bet:%'"))
            .as("one stake hold per accepted bet, none twice")
            .isEqualTo(accepted.size());
        assertThat(
                queryLong(
                    db,
                    "SELECT count(DISTINCT metadata) FROM ledger.holds WHERE metadata LIKE 'bet:%'"))
            .isEqualTo(accepted.size());
        long moved = walletChanges.stream().mapToLong(Long::longValue).sum();
        System.out.printf(
            "OneWalletBetsIT: %d bets accepted, %d refused; %d deposits and withdrawals applied%n",
            accepted.size(), refusedBets.get(), walletChanges.size());
        Account afterStorm = ledger.account(wallet.id());
        assertThat(afterStorm.balance()).isEqualTo(START + moved);
        assertThat(afterStorm.held())
            .isEqualTo(
                queryLong(db, "SELECT sum(amount) FROM ledger.holds WHERE metadata LIKE 'bet:%'"));

        shard.submit(new EngineCommand.Close("m1", 5_000_000)).join();
        shard.submit(new EngineCommand.Settle("m1", 0)).join();
        Awaitility.await("every stake hold posted by the settlement")
            .atMost(Duration.ofSeconds(30))
            .until(() -> ledger.account(wallet.id()).held() == 0);
        running.set(false);
        watcher.join();

        assertThat(lowest.get()).as("lowest balance or available seen").isNotNegative();
        assertThat(ledger.account(wallet.id()).balance()).isNotNegative();
        assertThat(queryLong(db, "SELECT count(*) FROM ledger.transfers"))
            .as("nothing applied twice")
            .isEqualTo(
                queryLong(db, "SELECT count(DISTINCT idempotency_id) FROM ledger.transfers"));
        assertThat(queryLong(db, "SELECT count(*) FROM ledger.transfers WHERE kind = 'stake'"))
            .as("each accepted stake posted once")
            .isEqualTo(accepted.size());
        assertThat(queryLong(db, "SELECT sum(balance) FROM ledger.accounts"))
            .as("the ledger sums to zero")
            .isZero();
        assertThat(
                Reconciliation.postgres(
                        db.dataSource(), Clock.systemUTC(), shard.holdBacking(), null)
                    .run()
                    .discrepancies())
            .isEmpty();
      }
    }
  }

  private static PlaceBet bet(String request, long wallet, String selection, long stake) {
    return PlaceBet.newBuilder()
        .setRequestId(request)
        .setAccountId(Long.toString(wallet))
        .setMarketId("m1")
        .setSelectionId(selection)
        .setStakeMinor(stake)
        .setCurrency("EUR")
        .setPriceVersionSeen(1)
        .setDecimalOddsBpSeen(20_000)
        .setMediaTimeUs(1_000_000)
        .build();
  }

  /** Sends the same transfer twice at once and checks it applied once; records its change. */
  private static void once(
      List<Outcome<Transfer>> outcomes, long change, List<Long> walletChanges) {
    List<Outcome.Done<Transfer>> done =
        outcomes.stream()
            .filter(o -> o instanceof Outcome.Done<Transfer>)
            .map(o -> (Outcome.Done<Transfer>) o)
            .toList();
    assertThat(done.stream().filter(d -> !d.replayed()).count()).isLessThanOrEqualTo(1);
    assertThat(done.stream().map(d -> d.value().id()).distinct().count()).isLessThanOrEqualTo(1);
    if (!done.isEmpty()) {
      walletChanges.add(change);
    }
  }

  private static <T> List<Outcome<T>> twice(
      java.util.function.Supplier<CompletableFuture<Outcome<T>>> send) {
    CompletableFuture<Outcome<T>> a = send.get();
    CompletableFuture<Outcome<T>> b = send.get();
    return List.of(a.join(), b.join());
  }

  private static long queryLong(Database db, String query) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(DataSource dataSource, String statement) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
