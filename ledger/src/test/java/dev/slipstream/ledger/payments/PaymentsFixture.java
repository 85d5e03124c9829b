package dev.slipstream.ledger.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import dev.slipstream.platform.state.SettableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh ledger schema with payments on the embedded PostgreSQL, the sandbox provider driven by
 * the test's clock, and one player wallet; after every test the books must reconcile, with every
 * open hold owned by a payment.
 */
abstract class PaymentsFixture {
  static final String SECRET = "whsec_test_5f2b8c1d9e7a4b3c6d0e1f2a3b4c5d6e";
  static final long REVIEW_THRESHOLD = 50_000;

  final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final SwitchableSink sink = new SwitchableSink();
  Database db;
  Ledger ledger;
  SandboxPaymentProvider sandbox;
  Payments payments;
  Account wallet;

  @BeforeEach
  void openPayments() {
    db = TestDatabase.embedded();
    sql("DROP SCHEMA IF EXISTS ledger CASCADE");
    db.migrate(List.of(Ledger.MIGRATION));
    ledger =
        Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults().withoutSweeper(), null);
    sandbox =
        SandboxPaymentProvider.create(
            new SandboxSettings(
                SECRET,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                12),
            sink,
            clock,
            scheduler,
            new SplittableRandom(7));
    payments =
        Payments.postgres(
            db.dataSource(),
            ledger,
            sandbox,
            clock,
            PaymentsSettings.defaults(SECRET, REVIEW_THRESHOLD));
    sink.target(WebhookSink.to(payments));
    wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");
  }

  @AfterEach
  void booksStillBalance() {
    try {
      ReconciliationReport report =
          Reconciliation.postgres(db.dataSource(), clock, payments.holdBacking(), null).run();
      assertThat(report.discrepancies()).isEmpty();
    } finally {
      ledger.close();
    }
  }

  /** Moves the clock on and lets the sandbox do whatever fell due. */
  void pass(Duration time) {
    clock.advance(time);
    scheduler.runDue();
  }

  /** Deposits {@code amount} with a card that succeeds and waits for the confirmation. */
  PaymentIntent deposited(long amount) {
    PaymentIntent intent =
        payments.deposit(wallet.id(), amount, "EUR", "tok_visa", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    return payments.findIntent(intent.id()).orElseThrow();
  }

  long balance(long accountId) {
    return ledger.account(accountId).balance();
  }

  long held(long accountId) {
    return ledger.account(accountId).held();
  }

  long clearingBalance() {
    return ledger.openAccount(AccountKind.PAYMENT_CLEARING, "sandbox", "EUR").balance();
  }

  long count(String table) {
    return queryLong("SELECT count(*) FROM ledger." + table);
  }

  long queryLong(String query) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
  }

  void sql(String statement) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }
}
