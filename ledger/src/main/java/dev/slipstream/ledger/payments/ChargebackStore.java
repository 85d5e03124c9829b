package dev.slipstream.ledger.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@code chargebacks} table: each chargeback's recovery plan and what the ledger did. */
final class ChargebackStore {
  private static final String COLUMNS =
      "id, intent_id, wallet_account_id, event_id, amount, recovered, held, shortfall,"
          + " plan_version, state, transfer_id, hold_id, created_at";

  /** A chargeback with the version of its plan, which names the ledger ids that carry it out. */
  record Plan(Chargeback chargeback, int version) {}

  private final Sql sql;

  ChargebackStore(Sql sql) {
    this.sql = sql;
  }

  /** Records {@code plan} for the deposit unless one is recorded already; returns the one kept. */
  Plan planOnce(PaymentIntent intent, String eventId, Recovery plan, Instant now) {
    return sql.inTransaction(
        c -> {
          Sql.update(
              c,
              "INSERT INTO ledger.chargebacks (intent_id, wallet_account_id, event_id, amount,"
                  + " recovered, held, shortfall, state, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?) ON CONFLICT (intent_id) DO NOTHING",
              s -> {
                s.setLong(1, intent.id());
                s.setLong(2, intent.walletAccountId());
                s.setString(3, eventId);
                s.setLong(4, plan.recovered() + plan.held() + plan.shortfall());
                s.setLong(5, plan.recovered());
                s.setLong(6, plan.held());
                s.setLong(7, plan.shortfall());
                s.setObject(8, Sql.timestamp(now));
              });
          return byIntent(c, intent.id()).orElseThrow();
        });
  }

  Optional<Plan> byIntent(long intentId) {
    return sql.read(c -> byIntent(c, intentId));
  }

  /**
   * Replaces a plan the ledger refused (it did nothing) with {@code next}; returns the one kept.
   */
  Plan replan(Plan refused, Recovery next) {
    return sql.inTransaction(
        c -> {
          Sql.update(
              c,
              "UPDATE ledger.chargebacks SET recovered = ?, held = ?, shortfall = ?,"
                  + " plan_version = plan_version + 1"
                  + " WHERE id = ? AND plan_version = ? AND state = 'planned'",
              s -> {
                s.setLong(1, next.recovered());
                s.setLong(2, next.held());
                s.setLong(3, next.shortfall());
                s.setLong(4, refused.chargeback().id());
                s.setInt(5, refused.version());
              });
          return byIntent(c, refused.chargeback().intentId()).orElseThrow();
        });
  }

  /** Marks the plan carried out by the ledger's transfer or hold. */
  static void applied(
      Connection c, Plan plan, @Nullable Long transferId, @Nullable Long holdId, Instant now)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE ledger.chargebacks SET state = 'applied', transfer_id = ?, hold_id = ?,"
            + " applied_at = ? WHERE id = ? AND plan_version = ? AND state = 'planned'",
        s -> {
          Sql.setNullableLong(s, 1, transferId);
          Sql.setNullableLong(s, 2, holdId);
          s.setObject(3, Sql.timestamp(now));
          s.setLong(4, plan.chargeback().id());
          s.setInt(5, plan.version());
        });
  }

  List<Chargeback> byWallet(long walletAccountId) {
    return sql.read(
        c -> {
          List<Chargeback> found = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM ledger.chargebacks WHERE wallet_account_id = ? ORDER BY id")) {
            s.setLong(1, walletAccountId);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.add(read(rs).chargeback());
              }
            }
          }
          return found;
        });
  }

  /** Returns which of {@code holdIds} hold a chargeback's recovery. */
  Set<Long> holdsAmong(Collection<Long> holdIds) {
    return sql.read(
        c -> {
          Set<Long> owned = new HashSet<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT hold_id FROM ledger.chargebacks WHERE hold_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", holdIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                owned.add(rs.getLong(1));
              }
            }
          }
          return owned;
        });
  }

  private static Optional<Plan> byIntent(Connection c, long intentId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM ledger.chargebacks WHERE intent_id = ?")) {
      s.setLong(1, intentId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static Plan read(ResultSet rs) throws SQLException {
    Chargeback chargeback =
        new Chargeback(
            rs.getLong("id"),
            rs.getLong("intent_id"),
            rs.getLong("wallet_account_id"),
            rs.getString("event_id"),
            rs.getLong("amount"),
            rs.getLong("recovered"),
            rs.getLong("held"),
            rs.getLong("shortfall"),
            "applied".equals(rs.getString("state")),
            Sql.nullableLong(rs, "transfer_id"),
            Sql.nullableLong(rs, "hold_id"),
            Sql.instant(rs, "created_at"));
    return new Plan(chargeback, rs.getInt("plan_version"));
  }
}
