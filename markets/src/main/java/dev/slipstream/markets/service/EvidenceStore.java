package dev.slipstream.markets.service;

import dev.slipstream.markets.live.TrackSeries;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The {@code evidence} and {@code evidence_frames} tables. */
final class EvidenceStore {
  private final DataSource db;

  EvidenceStore(DataSource db) {
    this.db = db;
  }

  /** What decided a market, as stored at the moment of decision. */
  record Decision(
      String marketId,
      @Nullable String winner,
      long decidedAtUs,
      long fromUs,
      long toUs,
      String measure,
      @Nullable Double threshold,
      List<TrackSeries.Sample> series,
      String reason) {}

  void store(Decision d, Instant at) {
    Sql.update(
        db,
        "INSERT INTO markets.evidence (market_id, winning_selection_id, decided_at_media_us,"
            + " from_media_us, to_media_us, measure, threshold, series_media_us, series_values,"
            + " reason, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
        (c, s) -> {
          s.setString(1, d.marketId());
          s.setString(2, d.winner());
          s.setLong(3, d.decidedAtUs());
          s.setLong(4, d.fromUs());
          s.setLong(5, d.toUs());
          s.setString(6, d.measure());
          if (d.threshold() == null) {
            s.setNull(7, java.sql.Types.DOUBLE);
          } else {
            s.setDouble(7, d.threshold());
          }
          s.setArray(
              8,
              c.createArrayOf(
                  "bigint", d.series().stream().map(TrackSeries.Sample::mediaTimeUs).toArray()));
          s.setArray(
              9,
              c.createArrayOf(
                  "float8", d.series().stream().map(TrackSeries.Sample::value).toArray()));
          s.setString(10, d.reason());
          s.setTimestamp(11, Timestamp.from(at));
        });
  }

  /** The winner a re-settlement named. */
  void winner(String marketId, String winner) {
    Sql.update(
        db,
        "UPDATE markets.evidence SET winning_selection_id = ? WHERE market_id = ?",
        (c, s) -> {
          s.setString(1, winner);
          s.setString(2, marketId);
        });
  }

  void frame(String marketId, int index, EvidenceFrames.Frame frame) {
    Sql.update(
        db,
        "INSERT INTO markets.evidence_frames (market_id, frame_index, media_time_us, jpeg)"
            + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
        (c, s) -> {
          s.setString(1, marketId);
          s.setInt(2, index);
          s.setLong(3, frame.mediaTimeUs());
          s.setBytes(4, frame.jpeg());
        });
  }

  Optional<EvidenceView> find(String marketId) {
    List<EvidenceView.Frame> frames =
        Sql.query(
            db,
            "SELECT frame_index, media_time_us FROM markets.evidence_frames WHERE market_id = ?"
                + " ORDER BY frame_index",
            s -> s.setString(1, marketId),
            r -> new EvidenceView.Frame(r.getInt(1), r.getLong(2)));
    return Sql.query(
            db,
            "SELECT winning_selection_id, decided_at_media_us, measure, threshold,"
                + " series_media_us, series_values, reason, from_media_us, to_media_us"
                + " FROM markets.evidence"
                + " WHERE market_id = ?",
            s -> s.setString(1, marketId),
            r -> {
              double threshold = r.getDouble(4);
              Double maybe = r.wasNull() ? null : threshold;
              return new EvidenceView(
                  marketId,
                  r.getString(1),
                  r.getLong(2),
                  r.getLong(8),
                  r.getLong(9),
                  r.getString(3),
                  maybe,
                  r.getString(7),
                  points(r.getArray(5), r.getArray(6)),
                  frames);
            })
        .stream()
        .findFirst();
  }

  Optional<byte[]> jpeg(String marketId, int index) {
    return Sql.query(
            db,
            "SELECT jpeg FROM markets.evidence_frames WHERE market_id = ? AND frame_index = ?",
            s -> {
              s.setString(1, marketId);
              s.setInt(2, index);
            },
            r -> r.getBytes(1))
        .stream()
        .findFirst();
  }

  private static List<EvidenceView.Point> points(Array times, Array values) throws SQLException {
    Long[] t = (Long[]) times.getArray();
    Double[] v = (Double[]) values.getArray();
    List<EvidenceView.Point> points = new ArrayList<>(t.length);
    for (int i = 0; i < t.length; i++) {
      points.add(new EvidenceView.Point(t[i], v[i]));
    }
    return points;
  }
}
