package dev.slipstream.bench.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The ledger's audit triggers as the benchmark sees them: turned off on its throw-away database to
 * measure what they cost, and the audit rows they wrote counted after a run.
 */
final class AuditTriggers {
  private AuditTriggers() {}

  /** Disables the triggers that copy every transfer and hold change into the audit log. */
  static void disable(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE ledger.transfers DISABLE TRIGGER transfers_are_audited");
      s.execute("ALTER TABLE ledger.holds DISABLE TRIGGER holds_placed_are_audited");
      s.execute("ALTER TABLE ledger.holds DISABLE TRIGGER holds_resolved_are_audited");
    }
  }

  /** Returns how many rows the audit log holds. */
  static long rows(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM ledger.audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
