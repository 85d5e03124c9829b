package dev.slipstream.markets.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC in one place: a statement per call, failures as unchecked exceptions. */
final class Sql {
  private Sql() {}

  /** Binds a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  /** Binds with the connection at hand (for arrays). */
  @FunctionalInterface
  interface ConnectionBinder {
    void bind(Connection c, PreparedStatement s) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet r) throws SQLException;
  }

  static int update(DataSource db, String sql, ConnectionBinder binder) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(c, s);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("markets database: " + e.getMessage(), e);
    }
  }

  static <T> List<T> query(DataSource db, String sql, Binder binder, RowReader<T> reader) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      try (ResultSet r = s.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (r.next()) {
          rows.add(reader.read(r));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("markets database: " + e.getMessage(), e);
    }
  }
}
