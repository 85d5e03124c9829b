package dev.slipstream.ledger;

import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fresh, empty ledger schema in the test JVM's embedded PostgreSQL. The ledger's tables refuse
 * deletes and truncation, so a test starts over by dropping the schema and migrating it again.
 */
final class LedgerSchema {
  private LedgerSchema() {}

  static Database fresh() {
    Database db = TestDatabase.embedded();
    execute(db.dataSource(), "DROP SCHEMA IF EXISTS ledger CASCADE");
    db.migrate(List.of(Ledger.MIGRATION));
    return db;
  }

  static void execute(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static long queryLong(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
