package dev.slipstream.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/** Column lists and row mapping for the ledger's tables, shared by the writer and the reads. */
final class Rows {
  static final String TRANSFER_COLUMNS =
      "id, idempotency_id, debit_account_id, credit_account_id, amount, currency, kind, hold_id,"
          + " metadata, created_at";
  static final String HOLD_COLUMNS =
      "id, idempotency_id, debit_account_id, credit_account_id, amount, currency, kind, state,"
          + " posted_amount, expires_at, created_at, resolved_at, metadata";
  static final String ACCOUNT_COLUMNS =
      "id, kind, owner_ref, currency, balance, held, allow_negative, version, last_transfer_id";

  private Rows() {}

  static Transfer transfer(ResultSet rs) throws SQLException {
    long holdId = rs.getLong(8);
    Long hold = rs.wasNull() ? null : holdId;
    return new Transfer(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getLong(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getString(6),
        TransferKind.fromWireName(rs.getString(7)),
        hold,
        rs.getString(9),
        instant(rs, 10));
  }

  static Hold hold(ResultSet rs) throws SQLException {
    return new Hold(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getLong(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getString(6),
        TransferKind.fromWireName(rs.getString(7)),
        HoldState.fromWireName(rs.getString(8)),
        rs.getLong(9),
        instant(rs, 10),
        instant(rs, 11),
        nullableInstant(rs, 12),
        rs.getString(13));
  }

  static Account account(ResultSet rs) throws SQLException {
    long last = rs.getLong(9);
    Long lastTransfer = rs.wasNull() ? null : last;
    return new Account(
        rs.getLong(1),
        AccountKind.fromWireName(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getBoolean(7),
        rs.getLong(8),
        lastTransfer);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Binds a primitive array as a PostgreSQL array parameter, sent without boxing. */
  static void setArray(PreparedStatement statement, int index, String type, Object array)
      throws SQLException {
    Connection c = statement.getConnection();
    statement.setArray(index, c.unwrap(PGConnection.class).createArrayOf(type, array));
  }
}
