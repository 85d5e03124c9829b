package dev.slipstream.ledger.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The {@code withdrawals} and {@code verified_wallets} tables. */
final class WithdrawalStore {
  private static final String COLUMNS =
      "id, idempotency_key, wallet_account_id, clearing_account_id, amount, currency,"
          + " destination, state, hold_id, provider_payment_id, reviewed_by, failure_reason,"
          + " created_at, updated_at";

  private final Sql sql;

  WithdrawalStore(Sql sql) {
    this.sql = sql;
  }

  /** Records a new requested withdrawal, or returns the one already recorded under its key. */
  Withdrawal insertOrGet(
      UUID key,
      long walletAccountId,
      long clearingAccountId,
      long amount,
      String currency,
      String destination,
      Instant now) {
    return sql.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO ledger.withdrawals (idempotency_key, wallet_account_id,"
                      + " clearing_account_id, amount, currency, destination, state, created_at,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?)"
                      + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING "
                      + COLUMNS)) {
            s.setObject(1, key);
            s.setLong(2, walletAccountId);
            s.setLong(3, clearingAccountId);
            s.setLong(4, amount);
            s.setString(5, currency);
            s.setString(6, destination);
            s.setObject(7, Sql.timestamp(now));
            s.setObject(8, Sql.timestamp(now));
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                return read(rs);
              }
            }
          }
          return one(c, "idempotency_key = ?", s -> s.setObject(1, key)).orElseThrow();
        });
  }

  Optional<Withdrawal> byId(long id) {
    return sql.read(c -> one(c, "id = ?", s -> s.setLong(1, id)));
  }

  Optional<Withdrawal> byProviderPaymentId(String paymentId) {
    return sql.read(c -> one(c, "provider_payment_id = ?", s -> s.setString(1, paymentId)));
  }

  /** Forgets a requested withdrawal whose hold the ledger refused, so nothing is half-written. */
  void forgetRequested(long id) {
    sql.inTransaction(
        c ->
            Sql.update(
                c,
                "DELETE FROM ledger.withdrawals WHERE id = ? AND state = 'requested'",
                s -> s.setLong(1, id)));
  }

  /** Records the placed hold and moves the withdrawal from requested to {@code next}. */
  Withdrawal held(long id, long holdId, WithdrawalState next, Instant now) {
    return sql.inTransaction(
        c -> {
          Sql.update(
              c,
              "UPDATE ledger.withdrawals SET state = ?, hold_id = ?, updated_at = ?"
                  + " WHERE id = ? AND state = 'requested'",
              s -> {
                s.setString(1, next.wireName());
                s.setLong(2, holdId);
                s.setObject(3, Sql.timestamp(now));
                s.setLong(4, id);
              });
          return one(c, "id = ?", s -> s.setLong(1, id)).orElseThrow();
        });
  }

  /**
   * Moves the withdrawal from {@code from} to {@code to}, noting the reviewer and reason when
   * given; returns the row as it stands and whether it moved.
   */
  Moved move(
      long id,
      WithdrawalState from,
      WithdrawalState to,
      @Nullable String reviewer,
      @Nullable String reason,
      Instant now) {
    return sql.inTransaction(c -> move(c, id, from, to, reviewer, reason, now));
  }

  static Moved move(
      Connection c,
      long id,
      WithdrawalState from,
      WithdrawalState to,
      @Nullable String reviewer,
      @Nullable String reason,
      Instant now)
      throws SQLException {
    int moved =
        Sql.update(
            c,
            "UPDATE ledger.withdrawals SET state = ?, reviewed_by = COALESCE(?, reviewed_by),"
                + " failure_reason = COALESCE(?, failure_reason), updated_at = ?"
                + " WHERE id = ? AND state = ?",
            s -> {
              s.setString(1, to.wireName());
              s.setString(2, reviewer);
              s.setString(3, reason);
              s.setObject(4, Sql.timestamp(now));
              s.setLong(5, id);
              s.setString(6, from.wireName());
            });
    return new Moved(one(c, "id = ?", s -> s.setLong(1, id)).orElseThrow(), moved == 1);
  }

  /** A withdrawal after an attempted state change, and whether this attempt made the change. */
  record Moved(Withdrawal withdrawal, boolean moved) {}

  /** Notes the provider's payout id the first time the provider answers. */
  Withdrawal attachProviderPayment(long id, String paymentId, Instant now) {
    return sql.inTransaction(
        c -> {
          Sql.update(
              c,
              "UPDATE ledger.withdrawals SET provider_payment_id = ?, updated_at = ?"
                  + " WHERE id = ? AND provider_payment_id IS NULL",
              s -> {
                s.setString(1, paymentId);
                s.setObject(2, Sql.timestamp(now));
                s.setLong(3, id);
              });
          return one(c, "id = ?", s -> s.setLong(1, id)).orElseThrow();
        });
  }

  /** Returns which of {@code holdIds} reserve a withdrawal that is in review or approved. */
  Set<Long> openHolds(Collection<Long> holdIds) {
    return sql.read(
        c -> {
          Set<Long> open = new HashSet<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT hold_id FROM ledger.withdrawals WHERE hold_id = ANY (?)"
                      + " AND state IN ('in_review', 'approved')")) {
            s.setArray(1, c.createArrayOf("bigint", holdIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                open.add(rs.getLong(1));
              }
            }
          }
          return open;
        });
  }

  void verify(long walletAccountId, String verifiedBy, Instant now) {
    sql.inTransaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO ledger.verified_wallets (wallet_account_id, verified_by, verified_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (wallet_account_id) DO NOTHING",
                s -> {
                  s.setLong(1, walletAccountId);
                  s.setString(2, verifiedBy);
                  s.setObject(3, Sql.timestamp(now));
                }));
  }

  boolean isVerified(long walletAccountId) {
    return sql.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT 1 FROM ledger.verified_wallets WHERE wallet_account_id = ?")) {
            s.setLong(1, walletAccountId);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** Withdrawals matching {@code where} (bound by {@code binder}; it says the order). */
  java.util.List<Withdrawal> list(String where, Sql.Binder binder) {
    return sql.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT " + COLUMNS + " FROM ledger.withdrawals WHERE " + where)) {
            binder.bind(s);
            java.util.List<Withdrawal> found = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.add(read(rs));
              }
            }
            return found;
          }
        });
  }

  private static Optional<Withdrawal> one(Connection c, String where, Sql.Binder binder)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM ledger.withdrawals WHERE " + where)) {
      binder.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static Withdrawal read(ResultSet rs) throws SQLException {
    return new Withdrawal(
        rs.getLong("id"),
        rs.getObject("idempotency_key", UUID.class),
        rs.getLong("wallet_account_id"),
        rs.getLong("clearing_account_id"),
        rs.getLong("amount"),
        rs.getString("currency"),
        rs.getString("destination"),
        WithdrawalState.fromWireName(rs.getString("state")),
        Sql.nullableLong(rs, "hold_id"),
        rs.getString("provider_payment_id"),
        rs.getString("reviewed_by"),
        rs.getString("failure_reason"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }
}
