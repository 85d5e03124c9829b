package dev.slipstream.bench.ledger;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.ledger.WriterStats;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * {@code ./slipstream bench ledger}: sustained transfer throughput and commit latency of the
 * ledger's group-committing writer against a real PostgreSQL (embedded by default), with durability
 * on. N clients each submit a transfer between two random wallets and wait for its commit before
 * sending the next; after the run the books are reconciled. Ends with one line: {@code ledger:
 * tps=… p50=… p99=… max=… ms batches=… avg_batch=…}.
 */
public final class LedgerBenchmark {
  private static final long SEED_BALANCE = 1_000_000_000L;

  private LedgerBenchmark() {}

  /** Runs the benchmark with {@code args} (see {@code --help}). */
  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(LedgerBenchOptions.USAGE);
      return;
    }
    LedgerBenchOptions options;
    try {
      options = LedgerBenchOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("slipstream bench ledger: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options, System.out));
  }

  static int run(LedgerBenchOptions options, PrintStream out) throws Exception {
    Path folder = null;
    DatabaseLocation location;
    if (options.databaseUrl().isPresent()) {
      location = new DatabaseLocation.External(options.databaseUrl().get(), "", "");
    } else {
      folder = Files.createTempDirectory("slipstream-bench-ledger");
      location = new DatabaseLocation.Embedded(folder);
    }
    try (Database db = Database.open(location, 4, null)) {
      db.migrate(List.of(Ledger.MIGRATION));
      out.println("database: " + db.description());
      if (!options.audit()) {
        AuditTriggers.disable(db.dataSource());
        out.println("audit triggers: OFF (measuring their cost; never run a ledger like this)");
      }
      LedgerSettings settings = new LedgerSettings(options.maxBatchSize(), 100_000, Duration.ZERO);
      try (Ledger ledger =
          Ledger.postgres(db.dataSource(), InstantSource.system(), settings, null)) {
        long[] wallets = openWallets(ledger, options.wallets(), out);
        long escrow = ledger.openAccount(AccountKind.BET_ESCROW, "bench-market", "EUR").id();
        TransferClients clients = new TransferClients(ledger, wallets, escrow, options);
        TransferClients.Result result = clients.run();
        WriterStats before = result.writerAtStart();
        WriterStats after = ledger.writerStats();
        ReconciliationReport report =
            Reconciliation.postgres(
                    db.dataSource(), InstantSource.system(), HoldBacking.unchecked(), null)
                .run();
        out.println("audit log rows: " + AuditTriggers.rows(db.dataSource()));
        print(options, result, before, after, report, out);
        return report.clean() && result.failed() == 0 ? 0 : 1;
      }
    } finally {
      if (folder != null) {
        deleteRecursively(folder);
      }
    }
  }

  private static long[] openWallets(Ledger ledger, int count, PrintStream out) {
    long started = System.nanoTime();
    Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "bench-psp", "EUR");
    long[] wallets = new long[count];
    List<CompletableFuture<?>> deposits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Account wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, "bench-" + i, "EUR");
      wallets[i] = wallet.id();
      long topUp = SEED_BALANCE - wallet.balance();
      if (topUp > 0) {
        deposits.add(
            ledger.submit(
                TransferRequest.of(
                    UUID.randomUUID(),
                    clearing.id(),
                    wallet.id(),
                    topUp,
                    "EUR",
                    TransferKind.DEPOSIT)));
      }
    }
    deposits.forEach(CompletableFuture::join);
    out.printf(
        "opened and funded %d wallets in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    return wallets;
  }

  private static void print(
      LedgerBenchOptions options,
      TransferClients.Result result,
      WriterStats before,
      WriterStats after,
      ReconciliationReport report,
      PrintStream out) {
    Histogram latency = result.latency();
    long batches = after.batches() - before.batches();
    long requests = after.requests() - before.requests();
    double tps = result.completed() / result.seconds();
    out.printf(
        "clients=%d wallets=%d bet_pct=%d measured=%.1f s completed=%d refused=%d failed=%d"
            + " largest_batch=%d retries=%d%n",
        options.clients(),
        options.wallets(),
        options.betShare(),
        result.seconds(),
        result.completed(),
        result.refused(),
        result.failed(),
        after.largestBatch(),
        after.retries() - before.retries());
    out.printf(
        "reconciliation: %s (%d accounts, %d transfers)%n",
        report.clean() ? "clean" : report.discrepancies().size() + " discrepancies",
        report.accounts(),
        report.transfers());
    out.printf(
        "ledger: tps=%.0f p50=%.2f p99=%.2f max=%.2f ms batches=%d avg_batch=%.1f%n",
        tps,
        latency.getValueAtPercentile(50) / 1e6,
        latency.getValueAtPercentile(99) / 1e6,
        latency.getMaxValue() / 1e6,
        batches,
        batches == 0 ? 0.0 : (double) requests / batches);
  }

  private static void deleteRecursively(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
