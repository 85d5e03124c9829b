package dev.slipstream.ledger.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code payment_intents} table: deposits and their state changes. */
final class IntentStore {
  private static final String COLUMNS =
      "id, idempotency_key, wallet_account_id, clearing_account_id, amount, currency,"
          + " payment_method, provider_payment_id, state, failure_reason, transfer_id, created_at,"
          + " updated_at";

  private final Sql sql;

  IntentStore(Sql sql) {
    this.sql = sql;
  }

  /** Records a new pending deposit, or returns the one already recorded under its key. */
  PaymentIntent insertOrGet(
      UUID key,
      long walletAccountId,
      long clearingAccountId,
      long amount,
      String currency,
      String paymentMethod,
      Instant now) {
    return sql.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO ledger.payment_intents (idempotency_key, wallet_account_id,"
                      + " clearing_account_id, amount, currency, payment_method, state,"
                      + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)"
                      + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING "
                      + COLUMNS)) {
            s.setObject(1, key);
            s.setLong(2, walletAccountId);
            s.setLong(3, clearingAccountId);
            s.setLong(4, amount);
            s.setString(5, currency);
            s.setString(6, paymentMethod);
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

  Optional<PaymentIntent> byKey(UUID key) {
    return sql.read(c -> one(c, "idempotency_key = ?", s -> s.setObject(1, key)));
  }

  Optional<PaymentIntent> byId(long id) {
    return sql.read(c -> one(c, "id = ?", s -> s.setLong(1, id)));
  }

  Optional<PaymentIntent> byProviderPaymentId(String paymentId) {
    return sql.read(c -> one(c, "provider_payment_id = ?", s -> s.setString(1, paymentId)));
  }

  /** Notes the provider's id for the deposit the first time the provider answers. */
  PaymentIntent attachProviderPayment(long id, String paymentId, Instant now) {
    return sql.inTransaction(
        c -> {
          Sql.update(
              c,
              "UPDATE ledger.payment_intents SET provider_payment_id = ?, updated_at = ?"
                  + " WHERE id = ? AND provider_payment_id IS NULL",
              s -> {
                s.setString(1, paymentId);
                s.setObject(2, Sql.timestamp(now));
                s.setLong(3, id);
              });
          return one(c, "id = ?", s -> s.setLong(1, id)).orElseThrow();
        });
  }

  /** Marks a pending (or timed-out) deposit succeeded, credited by {@code transferId}. */
  static boolean succeed(Connection c, long id, long transferId, Instant now) throws SQLException {
    return Sql.update(
            c,
            "UPDATE ledger.payment_intents SET state = 'succeeded', transfer_id = ?,"
                + " failure_reason = NULL, updated_at = ? WHERE id = ? AND (state = 'pending'"
                + " OR (state = 'failed' AND failure_reason = 'timeout'))",
            s -> {
              s.setLong(1, transferId);
              s.setObject(2, Sql.timestamp(now));
              s.setLong(3, id);
            })
        == 1;
  }

  /** Moves a deposit from {@code from} to {@code to}, with a reason for declines and failures. */
  static boolean move(
      Connection c, long id, IntentState from, IntentState to, String reason, Instant now)
      throws SQLException {
    boolean failed = to == IntentState.DECLINED || to == IntentState.FAILED;
    return Sql.update(
            c,
            "UPDATE ledger.payment_intents SET state = ?, failure_reason = ?, updated_at = ?"
                + " WHERE id = ? AND state = ?",
            s -> {
              s.setString(1, to.wireName());
              s.setString(2, failed ? reason : null);
              s.setObject(3, Sql.timestamp(now));
              s.setLong(4, id);
              s.setString(5, from.wireName());
            })
        == 1;
  }

  /** Fails every deposit pending since before {@code cutoff}; returns how many. */
  int timeOut(Instant cutoff, Instant now) {
    return sql.inTransaction(
        c ->
            Sql.update(
                c,
                "UPDATE ledger.payment_intents SET state = 'failed', failure_reason = 'timeout',"
                    + " updated_at = ? WHERE state = 'pending' AND created_at < ?",
                s -> {
                  s.setObject(1, Sql.timestamp(now));
                  s.setObject(2, Sql.timestamp(cutoff));
                }));
  }

  /** The wallet's deposits, oldest first. */
  java.util.List<PaymentIntent> byWallet(long walletAccountId) {
    return sql.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM ledger.payment_intents WHERE wallet_account_id = ? ORDER BY id")) {
            s.setLong(1, walletAccountId);
            java.util.List<PaymentIntent> found = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.add(read(rs));
              }
            }
            return found;
          }
        });
  }

  private static Optional<PaymentIntent> one(Connection c, String where, Sql.Binder binder)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM ledger.payment_intents WHERE " + where)) {
      binder.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static PaymentIntent read(ResultSet rs) throws SQLException {
    return new PaymentIntent(
        rs.getLong("id"),
        rs.getObject("idempotency_key", UUID.class),
        rs.getLong("wallet_account_id"),
        rs.getLong("clearing_account_id"),
        rs.getLong("amount"),
        rs.getString("currency"),
        rs.getString("payment_method"),
        rs.getString("provider_payment_id"),
        IntentState.fromWireName(rs.getString("state")),
        rs.getString("failure_reason"),
        Sql.nullableLong(rs, "transfer_id"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }
}
