package dev.slipstream.markets.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The {@code bets}, {@code bet_requests} and {@code bet_corrections} tables. */
final class BetStore {
  private static final String VIEW =
      "SELECT b.bet_id, b.user_id, b.market_id, m.title, m.stream_id, b.selection_id,"
          + " m.selection_ids, m.selection_names, b.stake_minor, b.currency, b.odds_bp,"
          + " b.potential_payout_minor, b.state, b.placed_at, b.settled_at, b.payout_minor,"
          + " EXISTS (SELECT 1 FROM markets.evidence e WHERE e.market_id = b.market_id)"
          + " FROM markets.bets b JOIN markets.markets m ON m.market_id = b.market_id";

  /** A request's claim on its idempotency key, or the answer already given under it. */
  record Claim(
      String fingerprint,
      boolean answered,
      @Nullable String betId,
      @Nullable String code,
      @Nullable String detail) {}

  /** What a bet row says about money, for corrections. */
  record Money(
      String betId,
      String userId,
      long walletId,
      String selectionId,
      long stakeMinor,
      long potentialPayoutMinor,
      String currency,
      String state,
      long payoutMinor) {}

  private final DataSource db;

  BetStore(DataSource db) {
    this.db = db;
  }

  Optional<BetView> find(String betId) {
    return Sql.query(db, VIEW + " WHERE b.bet_id = ?", s -> s.setString(1, betId), BetStore::view)
        .stream()
        .findFirst();
  }

  /**
   * A user's bets, newest first, in the given states, from after the cursor (the last bet's placed
   * time and id).
   */
  List<BetView> ofUser(
      String userId,
      List<String> states,
      @Nullable Instant beforeAt,
      @Nullable String beforeId,
      int limit) {
    return Sql.query(
        db,
        VIEW
            + " WHERE b.user_id = ? AND b.state = ANY (?)"
            + " AND (?::timestamptz IS NULL OR (b.placed_at, b.bet_id) < (?::timestamptz, ?))"
            + " ORDER BY b.placed_at DESC, b.bet_id DESC LIMIT ?",
        s -> {
          s.setString(1, userId);
          s.setArray(2, s.getConnection().createArrayOf("text", states.toArray()));
          Timestamp at = beforeAt == null ? null : Timestamp.from(beforeAt);
          s.setTimestamp(3, at);
          s.setTimestamp(4, at);
          s.setString(5, beforeId == null ? "" : beforeId);
          s.setInt(6, limit);
        },
        BetStore::view);
  }

  /** The settled or open bets of a market, with their money. */
  List<Money> moneyOf(String marketId) {
    return Sql.query(
        db,
        "SELECT bet_id, user_id, wallet_id, selection_id, stake_minor, potential_payout_minor,"
            + " currency, state, coalesce(payout_minor, 0) FROM markets.bets WHERE market_id = ?"
            + " ORDER BY bet_id",
        s -> s.setString(1, marketId),
        r ->
            new Money(
                r.getString(1),
                r.getString(2),
                r.getLong(3),
                r.getString(4),
                r.getLong(5),
                r.getLong(6),
                r.getString(7),
                r.getString(8),
                r.getLong(9)));
  }

  /** Bet count, handle and worst-case net payout of a market's standing bets. */
  record Exposure(int betCount, long handleMinor, long exposureMinor) {}

  Exposure exposure(String marketId) {
    return Sql.query(
            db,
            "WITH b AS (SELECT * FROM markets.bets WHERE market_id = ? AND state <> 'VOID'),"
                + " open AS (SELECT selection_id, sum(potential_payout_minor) AS payout"
                + "   FROM b WHERE state = 'OPEN' GROUP BY selection_id)"
                + " SELECT (SELECT count(*) FROM b), (SELECT coalesce(sum(stake_minor), 0) FROM b),"
                + " greatest(0, coalesce((SELECT max(payout) FROM open), 0)"
                + "   - (SELECT coalesce(sum(stake_minor), 0) FROM b WHERE state = 'OPEN'))",
            s -> s.setString(1, marketId),
            r -> new Exposure(r.getInt(1), r.getLong(2), r.getLong(3)))
        .getFirst();
  }

  /** Claims {@code key} for a request; empty when this request is the first to use it. */
  Optional<Claim> claim(String userId, String key, String fingerprint, Instant at) {
    int claimed =
        Sql.update(
            db,
            "INSERT INTO markets.bet_requests (user_id, idempotency_key, request_hash, created_at)"
                + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            (c, s) -> {
              s.setString(1, userId);
              s.setString(2, key);
              s.setString(3, fingerprint);
              s.setTimestamp(4, Timestamp.from(at));
            });
    if (claimed > 0) {
      return Optional.empty();
    }
    return Sql.query(
            db,
            "SELECT request_hash, answered, bet_id, reject_code, reject_detail"
                + " FROM markets.bet_requests WHERE user_id = ? AND idempotency_key = ?",
            s -> {
              s.setString(1, userId);
              s.setString(2, key);
            },
            r ->
                new Claim(
                    r.getString(1),
                    r.getBoolean(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5)))
        .stream()
        .findFirst();
  }

  /** Stores the answer given under a key. */
  void answer(
      String userId,
      String key,
      @Nullable String betId,
      @Nullable String code,
      @Nullable String detail) {
    Sql.update(
        db,
        "UPDATE markets.bet_requests SET answered = true, bet_id = ?, reject_code = ?,"
            + " reject_detail = ? WHERE user_id = ? AND idempotency_key = ?",
        (c, s) -> {
          s.setString(1, betId);
          s.setString(2, code);
          s.setString(3, detail);
          s.setString(4, userId);
          s.setString(5, key);
        });
  }

  /** Lets a key go again (the engine was unavailable, so nothing was decided). */
  void release(String userId, String key) {
    Sql.update(
        db,
        "DELETE FROM markets.bet_requests WHERE user_id = ? AND idempotency_key = ?"
            + " AND NOT answered",
        (c, s) -> {
          s.setString(1, userId);
          s.setString(2, key);
        });
  }

  /** Changes a settled bet's result and records the correction, in one transaction. */
  void correct(
      Money bet,
      String toState,
      long toPayout,
      long transferMinor,
      String outcome,
      String actor,
      String reason,
      Instant at) {
    try (var c = db.getConnection()) {
      c.setAutoCommit(false);
      try (var update =
              c.prepareStatement(
                  "UPDATE markets.bets SET state = ?, payout_minor = ?, settled_at = ?"
                      + " WHERE bet_id = ?");
          var insert =
              c.prepareStatement(
                  "INSERT INTO markets.bet_corrections (bet_id, market_id, from_state, to_state,"
                      + " from_payout_minor, to_payout_minor, transfer_minor, outcome, actor,"
                      + " reason, at) SELECT ?, market_id, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                      + " FROM markets.bets WHERE bet_id = ?")) {
        update.setString(1, toState);
        update.setLong(2, toPayout);
        update.setTimestamp(3, Timestamp.from(at));
        update.setString(4, bet.betId());
        update.executeUpdate();
        insert.setString(1, bet.betId());
        insert.setString(2, bet.state());
        insert.setString(3, toState);
        insert.setLong(4, bet.payoutMinor());
        insert.setLong(5, toPayout);
        insert.setLong(6, transferMinor);
        insert.setString(7, outcome);
        insert.setString(8, actor);
        insert.setString(9, reason);
        insert.setTimestamp(10, Timestamp.from(at));
        insert.setString(11, bet.betId());
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("markets database: " + e.getMessage(), e);
    }
  }

  private static BetView view(ResultSet r) throws SQLException {
    List<String> ids = MarketStore.strings(r.getArray(7));
    List<String> names = MarketStore.strings(r.getArray(8));
    int i = ids.indexOf(r.getString(6));
    Timestamp settled = r.getTimestamp(15);
    long payout = r.getLong(16);
    Long payoutMinor = r.wasNull() ? null : payout;
    return new BetView(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        i < 0 ? r.getString(6) : names.get(i),
        r.getLong(9),
        r.getString(10),
        r.getInt(11),
        r.getLong(12),
        r.getString(13),
        r.getTimestamp(14).toInstant(),
        settled == null ? null : settled.toInstant(),
        payoutMinor,
        r.getBoolean(17));
  }
}
