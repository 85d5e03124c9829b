package dev.slipstream.ledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.ledger.LedgerUnavailableException;
import dev.slipstream.platform.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The audit log on PostgreSQL: one autocommitted insert per line; lines about a ledger account
 * include its money movements, expanded from the database's per-batch rows ({@link
 * AccountAuditLines}).
 */
final class PostgresAuditLog implements AuditLog {
  private static final Pattern ACTION = Pattern.compile("[a-z_]+(\\.[a-z_]+)+");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "id, at, actor, action, subject, details::text AS details";

  private final DataSource dataSource;
  private final InstantSource clock;

  PostgresAuditLog(DataSource dataSource, InstantSource clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AuditEntry record(String actor, String action, String subject, Map<String, ?> details) {
    requireText("actor", actor);
    requireText("subject", subject);
    if (action == null || action.length() > 64 || !ACTION.matcher(action).matches()) {
      throw new InvalidInputException(
          "invalid_audit_entry", "an audit action must look like noun.verb (was " + action + ")");
    }
    String json;
    try {
      json = JSON.writeValueAsString(Objects.requireNonNull(details, "details"));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "invalid_audit_entry", "audit details must be plain JSON values: " + e.getMessage());
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO ledger.audit_log (at, actor, action, subject, details)"
                    + " VALUES (?, ?, ?, ?, ?::jsonb) RETURNING "
                    + COLUMNS)) {
      s.setObject(1, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
      s.setString(2, actor);
      s.setString(3, action);
      s.setString(4, subject);
      s.setString(5, json);
      return entries(s).getFirst();
    } catch (SQLException e) {
      throw new LedgerUnavailableException("audit log failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<AuditEntry> about(String subject, int limit) {
    Optional<Long> account = AccountAuditLines.account(subject);
    if (account.isEmpty()) {
      return select("subject", subject, limit);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(AccountAuditLines.SQL)) {
      for (int i : new int[] {1, 2, 4, 6, 8}) {
        s.setString(i, subject);
      }
      for (int i : new int[] {3, 5, 7, 9}) {
        s.setLong(i, account.get());
      }
      s.setInt(10, Math.max(0, limit));
      return entries(s);
    } catch (SQLException e) {
      throw new LedgerUnavailableException("audit log failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<AuditEntry> by(String actor, int limit) {
    return select("actor", actor, limit);
  }

  @Override
  public List<AuditEntry> newest(@Nullable Long beforeId, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM ledger.audit_log WHERE id < ? ORDER BY id DESC LIMIT ?")) {
      s.setLong(1, beforeId == null ? Long.MAX_VALUE : beforeId);
      s.setInt(2, Math.max(0, limit));
      return entries(s);
    } catch (SQLException e) {
      throw new LedgerUnavailableException("audit log failed: " + e.getMessage(), e);
    }
  }

  private List<AuditEntry> select(String column, String value, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM ledger.audit_log WHERE "
                    + column
                    + " = ? ORDER BY id LIMIT ?")) {
      s.setString(1, value);
      s.setInt(2, Math.max(0, limit));
      return entries(s);
    } catch (SQLException e) {
      throw new LedgerUnavailableException("audit log failed: " + e.getMessage(), e);
    }
  }

  private static List<AuditEntry> entries(PreparedStatement s) throws SQLException {
    List<AuditEntry> found = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        found.add(
            new AuditEntry(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("details")));
      }
    }
    return found;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new InvalidInputException(
          "invalid_audit_entry", "an audit " + name + " must be 1 to 128 characters");
    }
  }
}
