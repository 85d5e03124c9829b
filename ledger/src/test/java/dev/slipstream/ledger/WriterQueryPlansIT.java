package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.platform.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer's per-batch statements must fetch their rows by index: a plan that scans every account
 * or hold costs nothing in a small test and everything with a million wallets.
 */
class WriterQueryPlansIT {
  private static Database db;

  @BeforeAll
  static void aLedgerWithManyAccountsAndHolds() {
    db = LedgerSchema.fresh();
    LedgerSchema.execute(
        db.dataSource(),
        "INSERT INTO ledger.accounts (kind, owner_ref, currency, created_at)"
            + " SELECT 'player_wallet', 'p' || g, 'EUR', now() FROM generate_series(1, 50000) g");
    LedgerSchema.execute(
        db.dataSource(),
        "INSERT INTO ledger.holds (idempotency_id, debit_account_id, credit_account_id, amount,"
            + " currency, kind, state, expires_at, created_at, resolved_at)"
            + " SELECT gen_random_uuid(), g, g + 1, 1, 'EUR', 'stake', 'voided', now(), now(), now()"
            + "   FROM generate_series(1, 20000) g");
    LedgerSchema.execute(db.dataSource(), "ANALYZE ledger.accounts");
    LedgerSchema.execute(db.dataSource(), "ANALYZE ledger.holds");
  }

  @Test
  void updatingABatchOfAccountsFetchesThemByIndex() throws SQLException {
    assertThat(
            plan(
                BatchStore.UPDATE_ACCOUNTS, "int8", "int8", "int8", "int8", "int8", "int8", "int8"))
        .doesNotContain("Seq Scan on accounts");
  }

  @Test
  void readingABatchOfAccountsFetchesThemByIndex() throws SQLException {
    assertThat(plan(BatchStore.READ_ACCOUNTS, "int8")).doesNotContain("Seq Scan on accounts");
  }

  @Test
  void resolvingAndLockingHoldsFetchesThemByIndex() throws SQLException {
    assertThat(plan(BatchStore.RESOLVE_HOLDS, "timestamptz", "int8", "text", "int8", "int8"))
        .doesNotContain("Seq Scan on holds");
    assertThat(plan(BatchStore.LOCK_HOLDS, "int8")).doesNotContain("Seq Scan on holds");
  }

  @Test
  void lookingUpIdempotencyIdsUsesTheirIndex() throws SQLException {
    assertThat(plan(BatchStore.STORED_HOLDS, "uuid")).doesNotContain("Seq Scan");
  }

  /** Explains {@code sql} with a 200-element array (or a timestamp) for each parameter. */
  private static String plan(String sql, String... types) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < types.length; i++) {
        switch (types[i]) {
          case "timestamptz" -> s.setObject(i + 1, Instant.EPOCH.atOffset(ZoneOffset.UTC));
          case "int8" -> {
            long[] values = new long[200];
            for (int k = 0; k < values.length; k++) {
              values[k] = 1 + k * 37L;
            }
            Rows.setArray(s, i + 1, "int8", values);
          }
          case "uuid" -> {
            UUID[] values = new UUID[200];
            for (int k = 0; k < values.length; k++) {
              values[k] = UUID.randomUUID();
            }
            Rows.setArray(s, i + 1, "uuid", values);
          }
          default -> {
            String[] values = new String[200];
            java.util.Arrays.fill(values, "voided");
            Rows.setArray(s, i + 1, "text", values);
          }
        }
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }
}
