package dev.slipstream.ledger.audit;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The append-only audit log in the ledger's schema. Money movements are written by database
 * triggers on the ledger's transfers and holds; actions are written here by whoever performs them.
 * The database refuses to update, delete or truncate any line.
 */
public interface AuditLog {

  /** Returns the log in {@code dataSource}'s ledger schema (migrated by the ledger). */
  static AuditLog postgres(DataSource dataSource, InstantSource clock) {
    return new PostgresAuditLog(dataSource, clock);
  }

  /**
   * Appends one line.
   *
   * @param details particulars: strings, numbers, booleans, nulls, lists and maps of those
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_audit_entry} for an empty
   *     or over-long actor or subject, or an action not shaped like {@code noun.verb}
   */
  AuditEntry record(String actor, String action, String subject, Map<String, ?> details);

  /** Returns the lines about {@code subject}, oldest first, at most {@code limit}. */
  List<AuditEntry> about(String subject, int limit);

  /** Returns the lines {@code actor} wrote, oldest first, at most {@code limit}. */
  List<AuditEntry> by(String actor, int limit);
}
