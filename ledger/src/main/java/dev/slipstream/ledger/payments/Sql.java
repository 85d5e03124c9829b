package dev.slipstream.ledger.payments;

import dev.slipstream.ledger.LedgerUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Short JDBC transactions for the payments tables. No transaction here ever waits for the ledger:
 * ledger calls happen between transactions, so payment work never holds a pooled connection the
 * ledger's writer needs.
 */
final class Sql {
  /** SQLSTATE of a unique violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** Work done on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Binds the parameters of a statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns and rolled back if it throws.
   */
  <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new LedgerUnavailableException("payments database failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new LedgerUnavailableException("payments database failed: " + e.getMessage(), e);
    }
  }

  static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      return s.executeUpdate();
    }
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static void setNullableLong(PreparedStatement s, int index, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, java.sql.Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }
}
