package dev.slipstream.ledger.audit;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The append-only audit log in the ledger's schema. Money movements are written by database
 * triggers on the ledger's transfers and holds, one row per statement naming every transfer or hold
 * change it made; actions are written here by whoever performs them. The database refuses to
 * update, delete or truncate any line.
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

  /**
   * Returns the lines about {@code subject}, oldest first, at most {@code limit}. For a ledger
   * account ({@code account:<id>}) these include one {@code money.transfer} line per transfer
   * credited to it and one {@code money.hold_<state>} line per hold placed or resolved on it, each
   * with the id and time of the database's audit row that names it.
   */
  List<AuditEntry> about(String subject, int limit);

  /** Returns the lines {@code actor} wrote, oldest first, at most {@code limit}. */
  List<AuditEntry> by(String actor, int limit);

  /**
   * Returns the whole log newest first, a page at a time: at most {@code limit} lines with an id
   * below {@code beforeId} (every line when it is null). The last line's id is the next page's
   * {@code beforeId}.
   */
  List<AuditEntry> newest(@Nullable Long beforeId, int limit);
}
