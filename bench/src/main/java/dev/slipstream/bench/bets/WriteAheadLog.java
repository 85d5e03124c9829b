package dev.slipstream.bench.bets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * PostgreSQL's write-ahead log as the bench sees it: how far it has been written, and a warm-up
 * that leaves the cluster with segment files ready for reuse.
 *
 * <p>Why the warm-up: a new cluster has no spare segment files, so each time the log fills one
 * (every few seconds at 5,000 bets/s) the next is created and zero-filled (16 MB written and
 * synced) while every commit waits, about 45 ms. A server that has run through a checkpoint renames
 * its old segments into future ones instead, and never waits for that. Switching segments a number
 * of times and then checkpointing gives the bench's new cluster that state.
 */
final class WriteAheadLog {
  private WriteAheadLog() {}

  /** Returns how many bytes of log the cluster has written since it was created. */
  static long position(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Fills {@code segments} segment files (each switch creates one) and checkpoints, so that they
   * are kept for reuse: the server keeps up to {@code min_wal_size} of them.
   */
  static void prepareSegments(DataSource dataSource, int segments) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (int i = 0; i < segments; i++) {
        // A switch needs something written since the last one; a logical message is a record
        // that touches no table.
        s.execute("SELECT pg_logical_emit_message(false, 'slipstream-bench', 'segment')");
        s.execute("SELECT pg_switch_wal()");
      }
      s.execute("CHECKPOINT");
    }
  }
}
