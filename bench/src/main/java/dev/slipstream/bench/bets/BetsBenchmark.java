package dev.slipstream.bench.bets;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Recorder;

/**
 * {@code ./slipstream bench bets}: bets placed on one market shard at a fixed rate, each
 * acknowledged only once it is journaled (group commit) and its stake is held in the ledger (after
 * the bettor's limits are checked), against a durable embedded PostgreSQL. Open loop: bets are sent
 * on schedule whether or not earlier ones were answered, so queueing shows in the latency. Once a
 * second a market is suspended and the time until that suspension is journaled is measured too. The
 * transport is a direct call to the shard (the gateway's WebSocket adds its own hop). Ends with
 * {@code bets: rate=… p50=… p99=… max=… ms rejected=… suspend_p99=… ms}.
 */
public final class BetsBenchmark {
  private static final int MARKETS = 50;
  private static final int WALLETS = 2_000;

  private BetsBenchmark() {}

  /** Runs with {@code --rate=N} (bets a second, default 5000) and {@code --duration-s=N} (20). */
  public static void main(String[] args) throws Exception {
    int rate = 5_000;
    int duration = 20;
    for (String arg : args) {
      if (arg.startsWith("--rate=")) {
        rate = Integer.parseInt(arg.substring("--rate=".length()));
      } else if (arg.startsWith("--duration-s=")) {
        duration = Integer.parseInt(arg.substring("--duration-s=".length()));
      } else {
        System.err.println(
            "slipstream bench bets: unknown option " + arg + " (--rate=N, --duration-s=N)");
        System.exit(2);
      }
    }
    run(rate, duration, System.out);
  }

  static void run(int rate, int duration, PrintStream out) throws Exception {
    Path folder = Files.createTempDirectory("slipstream-bench-bets");
    try (Database db = Database.open(new DatabaseLocation.Embedded(folder), 8, null)) {
      db.migrate(List.of(Ledger.MIGRATION, BetSequencer.MIGRATION));
      out.println("database: " + db.description() + " (fsync on)");
      try (Ledger ledger =
          Ledger.postgres(
              db.dataSource(), InstantSource.system(), LedgerSettings.defaults(), null)) {
        Account house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
        long[] wallets = fund(ledger);
        try (BetSequencer shard =
            BetSequencer.start(
                "bench",
                db.dataSource(),
                ledger,
                house.id(),
                PlayerLimits.postgres(db.dataSource(), InstantSource.system()),
                InstantSource.system(),
                System::nanoTime)) {
          RiskLimits limits = new RiskLimits(10, 100_000, Long.MAX_VALUE / 4, 1_000, 1_000);
          for (int m = 0; m < MARKETS; m++) {
            shard
                .submit(
                    new EngineCommand.Open(
                        "m" + m,
                        "str",
                        "EUR",
                        List.of("yes", "no"),
                        new int[] {20_000, 20_000},
                        limits))
                .join();
          }
          measure(shard, wallets, rate, duration, out);
          ReconciliationReport report =
              Reconciliation.postgres(
                      db.dataSource(), InstantSource.system(), shard.holdBacking(), null)
                  .run();
          out.println(
              "reconciliation: "
                  + (report.clean() ? "clean" : "DISCREPANCIES " + report.discrepancies()));
        }
      }
    } finally {
      deleteRecursively(folder);
    }
  }

  private static void measure(
      BetSequencer shard, long[] wallets, int rate, int duration, PrintStream out) {
    Recorder latency = new Recorder(3);
    Recorder suspend = new Recorder(3);
    AtomicLong rejected = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    SplittableRandom random = new SplittableRandom(1);
    long interval = 1_000_000_000L / rate;
    long warmUpBets = rate * 2L;
    long total = (long) rate * (duration + 2);
    long start = System.nanoTime();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    int nextSuspension = 0;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      boolean measured = i >= warmUpBets;
      PlaceBet bet =
          PlaceBet.newBuilder()
              .setRequestId("b" + i)
              .setAccountId(Long.toString(wallets[random.nextInt(wallets.length)]))
              .setMarketId("m" + random.nextInt(MARKETS))
              .setSelectionId(random.nextBoolean() ? "yes" : "no")
              .setStakeMinor(random.nextLong(100, 2_000))
              .setCurrency("EUR")
              .setPriceVersionSeen(1)
              .setDecimalOddsBpSeen(20_000)
              .setMediaTimeUs(1_000_000)
              .build();
      CompletableFuture<BetResult> result = shard.place(bet);
      pending.add(
          result.thenAccept(
              r -> {
                if (measured) {
                  latency.recordValue((System.nanoTime() - due) / 1_000);
                }
                if (r.getStatus() == BetStatus.BET_STATUS_ACCEPTED) {
                  accepted.incrementAndGet();
                } else {
                  rejected.incrementAndGet();
                }
              }));
      if (measured && i % rate == 0) {
        // A deciding moment once a second: time until the suspension is journaled.
        String market = "m" + (nextSuspension++ % MARKETS);
        long sent = System.nanoTime();
        pending.add(
            shard
                .submit(new EngineCommand.Suspend(market, Long.MAX_VALUE - 1))
                .thenRun(() -> suspend.recordValue((System.nanoTime() - sent) / 1_000))
                .thenCompose(ignored -> shard.submit(new EngineCommand.Reopen(market))));
      }
      if (pending.size() > 10_000) {
        pending.removeIf(CompletableFuture::isDone);
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    double seconds = (System.nanoTime() - start) / 1e9;
    var h = latency.getIntervalHistogram();
    var s = suspend.getIntervalHistogram();
    out.printf(
        Locale.ROOT,
        "placed %d bets in %.1f s (%d accepted, %d rejected); journal batches %d%n",
        total,
        seconds,
        accepted.get(),
        rejected.get(),
        shard.journalBatches());
    out.printf(
        Locale.ROOT,
        "bets: rate=%d p50=%.2f p99=%.2f max=%.2f ms rejected=%d suspend_p99=%.2f ms%n",
        rate,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0,
        rejected.get(),
        s.getValueAtPercentile(99) / 1000.0);
  }

  private static long[] fund(Ledger ledger) {
    Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "bench-psp", "EUR");
    long[] wallets = new long[WALLETS];
    List<CompletableFuture<?>> deposits = new ArrayList<>();
    for (int i = 0; i < WALLETS; i++) {
      wallets[i] = ledger.openAccount(AccountKind.PLAYER_WALLET, "bettor-" + i, "EUR").id();
      deposits.add(
          ledger.submit(
              new TransferRequest(
                  UUID.randomUUID(),
                  clearing.id(),
                  wallets[i],
                  100_000_000,
                  "EUR",
                  TransferKind.DEPOSIT,
                  null)));
    }
    CompletableFuture.allOf(deposits.toArray(CompletableFuture[]::new)).join();
    return wallets;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
