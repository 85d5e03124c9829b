package dev.slipstream.server;

import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.ledger.payments.Payments;
import dev.slipstream.ledger.payments.PaymentsSettings;
import dev.slipstream.ledger.payments.SandboxPaymentProvider;
import dev.slipstream.ledger.payments.SandboxSettings;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The books of a server that has stopped, read from its data directory the way the server reads
 * them: the embedded PostgreSQL opened again, the ledger and payments over it, and reconciliation
 * run with payments' holds (and any other owners') counted as owned.
 */
final class StoppedServerBooks {
  /**
   * Hold owners beyond payments, made once the ledger over the stopped server's data is open; what
   * they add to {@code closeFirst} is closed before the ledger.
   */
  interface Owners {
    List<HoldBacking> open(Database db, Ledger ledger, List<AutoCloseable> closeFirst)
        throws Exception;
  }

  private StoppedServerBooks() {}

  /** Reconciles the ledger in {@code dataDir} of a server started with {@code webhookSecret}. */
  static ReconciliationReport reconcile(Path dataDir, String webhookSecret, Owners others)
      throws Exception {
    try (Database db =
        Database.open(new DatabaseLocation.Embedded(dataDir.resolve("postgres")), 4, null)) {
      Ledger ledger =
          Ledger.postgres(
              db.dataSource(), Clock.systemUTC(), LedgerSettings.defaults().withoutSweeper(), null);
      List<AutoCloseable> closeFirst = new ArrayList<>();
      try (SandboxPaymentProvider sandbox =
          SandboxPaymentProvider.create(
              SandboxSettings.defaults(webhookSecret),
              (b, h) -> false,
              Clock.systemUTC(),
              (d, t) -> {},
              new SplittableRandom(1))) {
        Payments payments =
            Payments.postgres(
                db.dataSource(),
                ledger,
                sandbox,
                Clock.systemUTC(),
                PaymentsSettings.defaults(webhookSecret, 100_000));
        List<HoldBacking> owners = new ArrayList<>(others.open(db, ledger, closeFirst));
        owners.add(payments.holdBacking());
        return Reconciliation.postgres(
                db.dataSource(), Clock.systemUTC(), HoldBacking.anyOf(owners), null)
            .run();
      } finally {
        for (AutoCloseable owner : closeFirst) {
          owner.close();
        }
        ledger.close();
      }
    }
  }
}
