package dev.slipstream.gateway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The whole content of every table in some schemas, one digest per table (row count and an MD5 of
 * the rows in a fixed order), so a test can say "nothing changed" about users, sessions, streams,
 * accounts, balances, holds, transfers, payments and the audit log at once.
 */
final class DatabaseFingerprint {
  private DatabaseFingerprint() {}

  /**
   * Returns the fingerprint of every gateway, ledger and media table but the sign-in lockout
   * counters, which failed sign-ins change on purpose.
   */
  static Map<String, String> ofEverythingButLockouts(DataSource dataSource) {
    return of(dataSource, List.of("gateway", "ledger", "media"), Set.of("gateway.login_failures"));
  }

  /**
   * Returns {@code schema.table → "rows:md5"} for every table of {@code schemas} except {@code
   * skipped} (written as {@code schema.table}).
   */
  static Map<String, String> of(DataSource dataSource, List<String> schemas, Set<String> skipped) {
    Map<String, String> digests = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                  + " WHERE table_type = 'BASE TABLE' AND table_schema = ANY (ARRAY['"
                  + String.join("','", schemas)
                  + "']) AND table_name NOT LIKE 'flyway%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        if (skipped.contains(table)) {
          continue;
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY"
                    + " t::text)), '-') FROM "
                    + table
                    + " t")) {
          rs.next();
          digests.put(table, rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return digests;
  }
}
