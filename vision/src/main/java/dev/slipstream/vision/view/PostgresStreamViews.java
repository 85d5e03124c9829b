package dev.slipstream.vision.view;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Views in {@code vision.stream_views} (points as one flat array) and {@code vision.stream_zones}
 * (one row per zone). A replacement locks the stream's row, checks the revision and rewrites both
 * tables in one transaction.
 */
final class PostgresStreamViews implements StreamViews {
  private final DataSource dataSource;
  private final InstantSource clock;

  PostgresStreamViews(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public Optional<StoredView> find(String streamId) {
    try (Connection c = dataSource.getConnection()) {
      return read(c, streamId, false);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the view of stream " + streamId, e);
    }
  }

  @Override
  public StoredView put(
      String streamId, StreamView view, OptionalLong expectedRevision, String actor) {
    return write(streamId, view, expectedRevision, actor, false);
  }

  @Override
  public StoredView putIfAbsent(String streamId, StreamView view, String actor) {
    return write(streamId, view, OptionalLong.empty(), actor, true);
  }

  private StoredView write(
      String streamId,
      StreamView view,
      OptionalLong expectedRevision,
      String actor,
      boolean onlyIfAbsent) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // Serialises writers of one stream, including two creating its first view.
        try (PreparedStatement lock =
            c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('vision.view:' || ?))")) {
          lock.setString(1, streamId);
          lock.execute();
        }
        Optional<StoredView> current = read(c, streamId, true);
        if (onlyIfAbsent && current.isPresent()) {
          c.rollback();
          return current.get();
        }
        long currentRevision = current.map(StoredView::revision).orElse(0L);
        if (expectedRevision.isPresent() && expectedRevision.getAsLong() != currentRevision) {
          throw new ConflictException(
              "revision_mismatch",
              "stream "
                  + streamId
                  + "'s view is at revision "
                  + currentRevision
                  + ", not "
                  + expectedRevision.getAsLong()
                  + "; read it again and reapply the change");
        }
        Instant now = clock.instant();
        StoredView stored = new StoredView(streamId, view, currentRevision + 1, now, actor);
        upsertView(c, stored);
        replaceZones(c, streamId, view.zones());
        c.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the view of stream " + streamId, e);
    }
  }

  @Override
  public boolean remove(String streamId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM vision.stream_views WHERE stream_id = ?")) {
      delete.setString(1, streamId);
      return delete.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove the view of stream " + streamId, e);
    }
  }

  private static void upsertView(Connection c, StoredView stored) throws SQLException {
    List<CalibrationPoint> points = stored.view().points();
    Double[] flat = new Double[points.size() * 4];
    for (int i = 0; i < points.size(); i++) {
      CalibrationPoint p = points.get(i);
      flat[i * 4] = p.image().x();
      flat[i * 4 + 1] = p.image().y();
      flat[i * 4 + 2] = p.ground().x();
      flat[i * 4 + 3] = p.ground().y();
    }
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO vision.stream_views (stream_id, points, revision, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET points ="
                + " excluded.points, revision = excluded.revision, updated_at ="
                + " excluded.updated_at, updated_by = excluded.updated_by")) {
      upsert.setString(1, stored.streamId());
      upsert.setArray(2, c.createArrayOf("float8", flat));
      upsert.setLong(3, stored.revision());
      upsert.setTimestamp(4, Timestamp.from(stored.updatedAt()));
      upsert.setString(5, stored.updatedBy());
      upsert.executeUpdate();
    }
  }

  private static void replaceZones(Connection c, String streamId, List<Zone> zones)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM vision.stream_zones WHERE stream_id = ?")) {
      delete.setString(1, streamId);
      delete.executeUpdate();
    }
    if (zones.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO vision.stream_zones (stream_id, position, zone_id, vertices)"
                + " VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < zones.size(); i++) {
        Zone zone = zones.get(i);
        Double[] flat = new Double[zone.vertices().size() * 2];
        for (int v = 0; v < zone.vertices().size(); v++) {
          flat[v * 2] = zone.vertices().get(v).x();
          flat[v * 2 + 1] = zone.vertices().get(v).y();
        }
        insert.setString(1, streamId);
        insert.setInt(2, i);
        insert.setString(3, zone.id());
        insert.setArray(4, c.createArrayOf("float8", flat));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Optional<StoredView> read(Connection c, String streamId, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT points, revision, updated_at, updated_by FROM vision.stream_views"
                + " WHERE stream_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      select.setString(1, streamId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        double[] flat = doubles(row.getArray(1));
        List<CalibrationPoint> points = new ArrayList<>();
        for (int i = 0; i + 3 < flat.length; i += 4) {
          points.add(
              new CalibrationPoint(
                  new PixelPoint(flat[i], flat[i + 1]), new GroundPoint(flat[i + 2], flat[i + 3])));
        }
        long revision = row.getLong(2);
        Instant updatedAt = row.getTimestamp(3).toInstant();
        String updatedBy = row.getString(4);
        StreamView view = StreamView.of(points, zones(c, streamId));
        return Optional.of(new StoredView(streamId, view, revision, updatedAt, updatedBy));
      }
    }
  }

  private static List<Zone> zones(Connection c, String streamId) throws SQLException {
    List<Zone> zones = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT zone_id, vertices FROM vision.stream_zones WHERE stream_id = ?"
                + " ORDER BY position")) {
      select.setString(1, streamId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          double[] flat = doubles(row.getArray(2));
          List<GroundPoint> vertices = new ArrayList<>();
          for (int i = 0; i + 1 < flat.length; i += 2) {
            vertices.add(new GroundPoint(flat[i], flat[i + 1]));
          }
          zones.add(new Zone(row.getString(1), vertices));
        }
      }
    }
    return zones;
  }

  private static double[] doubles(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = ((Number) values[i]).doubleValue();
    }
    return result;
  }
}
