package dev.slipstream.markets.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The {@code markets} and {@code market_audit} tables. */
final class MarketStore {
  private static final String COLUMNS =
      "m.market_id, m.stream_id, m.template_kind, m.title, m.state, m.currency,"
          + " m.subject_track_id, m.window_start_media_us, m.window_end_media_us, m.selection_ids,"
          + " m.selection_names, m.odds_bp, m.probability_ppm, m.price_version, m.reason, m.detail,"
          + " m.winning_selection_id, m.settled_at, m.settlement_reason, m.closes_at,"
          + " EXISTS (SELECT 1 FROM markets.evidence e WHERE e.market_id = m.market_id)";

  private final DataSource db;

  MarketStore(DataSource db) {
    this.db = db;
  }

  /** Inserts a market unless one with its id exists; says whether it did. */
  boolean insert(MarketRow m, Instant at) {
    return Sql.update(
            db,
            "INSERT INTO markets.markets (market_id, stream_id, template_kind, title, state,"
                + " currency, subject_track_id, window_start_media_us, window_end_media_us,"
                + " selection_ids, selection_names, odds_bp, probability_ppm, price_version,"
                + " reason, detail, closes_at, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (c, s) -> {
              s.setString(1, m.marketId());
              s.setString(2, m.streamId());
              s.setString(3, m.kind());
              s.setString(4, m.title());
              s.setString(5, m.state());
              s.setString(6, m.currency());
              s.setInt(7, m.subjectTrackId());
              s.setLong(8, m.windowStartUs());
              s.setLong(9, m.windowEndUs());
              s.setArray(10, c.createArrayOf("text", m.selectionIds().toArray()));
              s.setArray(11, c.createArrayOf("text", m.selectionNames().toArray()));
              s.setArray(12, c.createArrayOf("integer", boxed(m.oddsBp())));
              s.setArray(13, c.createArrayOf("integer", boxed(m.probabilityPpm())));
              s.setLong(14, m.priceVersion());
              s.setString(15, m.reason());
              s.setString(16, m.detail());
              s.setTimestamp(17, m.closesAt() == null ? null : Timestamp.from(m.closesAt()));
              s.setTimestamp(18, Timestamp.from(at));
              s.setTimestamp(19, Timestamp.from(at));
            })
        > 0;
  }

  Optional<MarketRow> find(String marketId) {
    return Sql.query(
            db,
            "SELECT " + COLUMNS + " FROM markets.markets m WHERE m.market_id = ?",
            s -> s.setString(1, marketId),
            MarketStore::row)
        .stream()
        .findFirst();
  }

  /** A stream's markets in the given states, newest first (at most 200). */
  List<MarketRow> ofStream(String streamId, List<String> states) {
    return Sql.query(
        db,
        "SELECT "
            + COLUMNS
            + " FROM markets.markets m WHERE m.stream_id = ? AND m.state = ANY (?)"
            + " ORDER BY m.created_at DESC, m.market_id DESC LIMIT 200",
        s -> {
          s.setString(1, streamId);
          s.setArray(2, s.getConnection().createArrayOf("text", states.toArray()));
        },
        MarketStore::row);
  }

  /** Markets for operators, filtered by stream and state when given, newest first. */
  List<MarketRow> forOperators(@Nullable String streamId, @Nullable String state) {
    return Sql.query(
        db,
        "SELECT "
            + COLUMNS
            + " FROM markets.markets m WHERE (?::text IS NULL OR m.stream_id = ?)"
            + " AND (?::text IS NULL OR m.state = ?)"
            + " ORDER BY m.created_at DESC, m.market_id DESC LIMIT 200",
        s -> {
          s.setString(1, streamId);
          s.setString(2, streamId);
          s.setString(3, state);
          s.setString(4, state);
        },
        MarketStore::row);
  }

  /** Markets the analytics made that are not settled or void yet. */
  List<MarketRow> undecidedFromAnalytics() {
    return Sql.query(
        db,
        "SELECT "
            + COLUMNS
            + " FROM markets.markets m WHERE m.template_kind <> 'OPERATOR'"
            + " AND m.state IN ('OPEN', 'SUSPENDED', 'CLOSED')",
        s -> {},
        MarketStore::row);
  }

  /** Operator markets that still take bets, to close on time after a restart. */
  List<MarketRow> closingLater() {
    return Sql.query(
        db,
        "SELECT "
            + COLUMNS
            + " FROM markets.markets m WHERE m.closes_at IS NOT NULL"
            + " AND m.state IN ('OPEN', 'SUSPENDED')",
        s -> {},
        MarketStore::row);
  }

  /**
   * Moves a market to {@code state} (with the last prices it showed, when given), unless it is
   * already settled or void; says whether it moved.
   */
  boolean move(
      String marketId,
      String state,
      String reason,
      String detail,
      MarketRow.@Nullable LivePrices prices,
      Instant at) {
    return Sql.update(
            db,
            "UPDATE markets.markets SET state = ?, reason = ?, detail = ?, updated_at = ?,"
                + " odds_bp = coalesce(?, odds_bp), probability_ppm = coalesce(?, probability_ppm),"
                + " price_version = greatest(price_version, ?)"
                + " WHERE market_id = ? AND state NOT IN ('SETTLED', 'VOID')",
            (c, s) -> {
              s.setString(1, state);
              s.setString(2, reason);
              s.setString(3, detail);
              s.setTimestamp(4, Timestamp.from(at));
              s.setArray(
                  5, prices == null ? null : c.createArrayOf("integer", boxed(prices.oddsBp())));
              s.setArray(
                  6,
                  prices == null
                      ? null
                      : c.createArrayOf("integer", boxed(prices.probabilityPpm())));
              s.setLong(7, prices == null ? 0 : prices.version());
              s.setString(8, marketId);
            })
        > 0;
  }

  /** Records how a market ended (settled with a winner, or void); a re-settlement overwrites. */
  void finish(
      String marketId, @Nullable String winner, String reasonCode, String sentence, Instant at) {
    Sql.update(
        db,
        "UPDATE markets.markets SET state = ?, winning_selection_id = ?, reason = ?, detail = ?,"
            + " settlement_reason = ?, settled_at = ?, updated_at = ? WHERE market_id = ?",
        (c, s) -> {
          s.setString(1, winner == null ? "VOID" : "SETTLED");
          s.setString(2, winner);
          s.setString(3, reasonCode);
          s.setString(4, sentence);
          s.setString(5, sentence);
          s.setTimestamp(6, Timestamp.from(at));
          s.setTimestamp(7, Timestamp.from(at));
          s.setString(8, marketId);
        });
  }

  void audit(String marketId, String actor, String action, String detail, Instant at) {
    Sql.update(
        db,
        "INSERT INTO markets.market_audit (market_id, at, actor, action, detail)"
            + " VALUES (?,?,?,?,?)",
        (c, s) -> {
          s.setString(1, marketId);
          s.setTimestamp(2, Timestamp.from(at));
          s.setString(3, actor);
          s.setString(4, action);
          s.setString(5, detail);
        });
  }

  List<AuditEntry> auditOf(String marketId) {
    return Sql.query(
        db,
        "SELECT at, actor, action, detail FROM markets.market_audit WHERE market_id = ?"
            + " ORDER BY id",
        s -> s.setString(1, marketId),
        r ->
            new AuditEntry(
                r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getString(4)));
  }

  private static MarketRow row(ResultSet r) throws SQLException {
    Timestamp settled = r.getTimestamp(18);
    Timestamp closes = r.getTimestamp(20);
    return new MarketRow(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getInt(7),
        r.getLong(8),
        r.getLong(9),
        strings(r.getArray(10)),
        strings(r.getArray(11)),
        ints(r.getArray(12)),
        ints(r.getArray(13)),
        r.getLong(14),
        r.getString(15),
        r.getString(16),
        r.getString(17),
        settled == null ? null : settled.toInstant(),
        r.getString(19),
        closes == null ? null : closes.toInstant(),
        r.getBoolean(21));
  }

  static List<String> strings(Array array) throws SQLException {
    return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }

  static int[] ints(Array array) throws SQLException {
    Integer[] values = (Integer[]) array.getArray();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  static Integer[] boxed(int[] values) {
    return Arrays.stream(values).boxed().toArray(Integer[]::new);
  }
}
