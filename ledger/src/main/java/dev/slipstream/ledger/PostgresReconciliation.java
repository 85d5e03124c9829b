package dev.slipstream.ledger;

import dev.slipstream.ledger.spi.HoldBacking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation in SQL, in one read-only REPEATABLE READ transaction so that every sum is taken
 * from the same snapshot while the writer keeps committing.
 */
final class PostgresReconciliation implements Reconciliation {
  private static final Logger log = LoggerFactory.getLogger(PostgresReconciliation.class);

  private static final String CURRENCY_SUMS =
      "SELECT currency, sum(balance)::bigint FROM ledger.accounts GROUP BY currency"
          + " HAVING sum(balance) <> 0 ORDER BY currency";
  private static final String BALANCES =
      "WITH moves AS ("
          + " SELECT credit_account_id AS account_id, sum(amount) AS change FROM ledger.transfers"
          + " GROUP BY credit_account_id"
          + " UNION ALL"
          + " SELECT debit_account_id, -sum(amount) FROM ledger.transfers GROUP BY debit_account_id)"
          + " SELECT a.id, a.balance, coalesce(sum(m.change), 0)::bigint"
          + " FROM ledger.accounts a LEFT JOIN moves m ON m.account_id = a.id"
          + " GROUP BY a.id, a.balance HAVING a.balance <> coalesce(sum(m.change), 0)"
          + " ORDER BY a.id";
  private static final String HELD =
      "SELECT a.id, a.held, coalesce(h.total, 0)::bigint FROM ledger.accounts a LEFT JOIN"
          + " (SELECT debit_account_id, sum(amount) AS total FROM ledger.holds"
          + " WHERE state = 'pending' GROUP BY debit_account_id) h ON h.debit_account_id = a.id"
          + " WHERE a.held <> coalesce(h.total, 0) ORDER BY a.id";
  private static final String POSTINGS =
      "SELECT h.id, coalesce(t.id, 0) FROM ledger.holds h"
          + " LEFT JOIN ledger.transfers t ON t.hold_id = h.id"
          + " WHERE (h.state = 'posted') <> (t.id IS NOT NULL)"
          + " OR t.amount <> h.posted_amount OR t.debit_account_id <> h.debit_account_id"
          + " OR t.credit_account_id <> h.credit_account_id OR t.currency <> h.currency"
          + " ORDER BY h.id";
  private static final String COUNTS =
      "SELECT (SELECT count(*) FROM ledger.accounts), (SELECT count(*) FROM ledger.transfers)";
  private static final String OPEN_HOLDS =
      "SELECT " + Rows.HOLD_COLUMNS + " FROM ledger.holds WHERE state = 'pending' ORDER BY id";

  private final DataSource dataSource;
  private final InstantSource clock;
  private final HoldBacking holdBacking;
  private final AtomicLong lastDiscrepancies = new AtomicLong();
  private final @Nullable Counter alerts;

  PostgresReconciliation(
      DataSource dataSource,
      InstantSource clock,
      HoldBacking holdBacking,
      @Nullable MeterRegistry metrics) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.holdBacking = holdBacking;
    if (metrics != null) {
      Gauge.builder("ledger.reconciliation.discrepancies", lastDiscrepancies, AtomicLong::get)
          .description("differences the latest ledger reconciliation found; should be 0")
          .register(metrics);
      this.alerts =
          Counter.builder("ledger.reconciliation.alerts")
              .description("reconciliation runs that found the books out of balance")
              .register(metrics);
    } else {
      this.alerts = null;
    }
  }

  @Override
  public ReconciliationReport run() {
    Instant checkedAt = clock.instant();
    List<Discrepancy> found = new ArrayList<>();
    long accounts;
    long transfers;
    List<Hold> openHolds = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        each(
            c,
            CURRENCY_SUMS,
            rs -> found.add(new Discrepancy.CurrencyImbalance(rs.getString(1), rs.getLong(2))));
        each(
            c,
            BALANCES,
            rs ->
                found.add(
                    new Discrepancy.BalanceMismatch(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
        each(
            c,
            HELD,
            rs ->
                found.add(
                    new Discrepancy.HeldMismatch(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
        each(
            c,
            POSTINGS,
            rs -> found.add(new Discrepancy.HoldPostingMismatch(rs.getLong(1), rs.getLong(2))));
        each(c, OPEN_HOLDS, rs -> openHolds.add(Rows.hold(rs)));
        long[] counts = new long[2];
        each(
            c,
            COUNTS,
            rs -> {
              counts[0] = rs.getLong(1);
              counts[1] = rs.getLong(2);
            });
        accounts = counts[0];
        transfers = counts[1];
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw new LedgerUnavailableException(
          "ledger reconciliation could not read the database: " + e.getMessage(), e);
    }
    Map<Long, Hold> byId = new HashMap<>();
    openHolds.forEach(h -> byId.put(h.id(), h));
    for (long holdId : holdBacking.unbacked(List.copyOf(openHolds))) {
      Hold hold = byId.get(holdId);
      if (hold != null) {
        found.add(new Discrepancy.UnbackedHold(holdId, hold.debitAccountId(), hold.amount()));
      }
    }
    ReconciliationReport report =
        new ReconciliationReport(checkedAt, accounts, transfers, openHolds.size(), found);
    lastDiscrepancies.set(found.size());
    if (!report.clean()) {
      if (alerts != null) {
        alerts.increment();
      }
      log.error(
          "ALERT ledger out of balance: {} discrepancies; {}",
          found.size(),
          found.stream().limit(20).map(Discrepancy::describe).toList());
    } else {
      log.info(
          "ledger reconciled: {} accounts, {} transfers, {} open holds, no discrepancies",
          accounts,
          transfers,
          openHolds.size());
    }
    return report;
  }

  private static void each(Connection c, String sql, RowReader reader) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }
}
