package dev.slipstream.media.stream;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.UnauthorizedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The stream directory in PostgreSQL's {@code media.streams}, paged by a sequence cursor. State
 * changes are single conditional UPDATEs, so two callers racing to move a stream cannot both win
 * against a stale read.
 */
final class PostgresStreamDirectory implements StreamDirectory {
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String COLUMNS = "seq, id, title, state, created_at, state_changed_at";

  private final DataSource dataSource;
  private final InstantSource clock;
  private final RandomGenerator random;

  PostgresStreamDirectory(DataSource dataSource, InstantSource clock, RandomGenerator random) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public NewStream create(String title) {
    String clean = StreamInputs.title(title);
    Instant now = now();
    StreamInfo stream = new StreamInfo(newId(), clean, StreamState.IDLE, now, now);
    PublishKey key = PublishKey.generate(random);
    update(
        "INSERT INTO media.streams (id, title, state, created_at, state_changed_at,"
            + " publish_key_hash) VALUES (?, ?, ?, ?, ?, ?)",
        stream.id(),
        stream.title(),
        stream.state().wireName(),
        Timestamp.from(now),
        Timestamp.from(now),
        PublishKey.hash(key.value()));
    return new NewStream(stream, key);
  }

  @Override
  public Optional<StreamInfo> find(String id) {
    return queryOne("SELECT " + COLUMNS + " FROM media.streams WHERE id = ?", id);
  }

  @Override
  public StreamPage list(Optional<String> cursor, int limit) {
    StreamInputs.limit(limit);
    long after = cursor.map(StreamInputs::decodeCursor).orElse(Long.MAX_VALUE);
    String sql =
        "SELECT " + COLUMNS + " FROM media.streams WHERE seq < ? ORDER BY seq DESC LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, after);
      select.setInt(2, limit + 1);
      List<StreamInfo> items = new ArrayList<>();
      long lastSeq = 0;
      boolean more = false;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          if (items.size() == limit) {
            more = true;
            break;
          }
          items.add(row(rs));
          lastSeq = rs.getLong("seq");
        }
      }
      return new StreamPage(
          items, more ? Optional.of(StreamInputs.encodeCursor(lastSeq)) : Optional.empty());
    } catch (SQLException e) {
      throw new IllegalStateException("could not list streams: " + e.getMessage(), e);
    }
  }

  @Override
  public PublishKey rotatePublishKey(String id) {
    requireNotEnded(get(id));
    PublishKey key = PublishKey.generate(random);
    int changed =
        update(
            "UPDATE media.streams SET publish_key_hash = ? WHERE id = ? AND state <> 'ended'",
            PublishKey.hash(key.value()),
            id);
    if (changed == 0) {
      requireNotEnded(get(id));
    }
    return key;
  }

  @Override
  public StreamInfo authorizePublish(String id, String presentedKey) {
    StreamInfo stream = get(id);
    boolean matches =
        presentedKey != null
            && !presentedKey.isEmpty()
            && queryOne(
                    "SELECT "
                        + COLUMNS
                        + " FROM media.streams WHERE id = ? AND publish_key_hash = ?",
                    id,
                    PublishKey.hash(presentedKey))
                .isPresent();
    if (!matches) {
      throw new UnauthorizedException(
          "invalid_publish_key", "the publish key for stream " + id + " is missing or wrong");
    }
    return requireNotEnded(stream);
  }

  @Override
  public StreamInfo findByPublishKey(String presentedKey) {
    Optional<StreamInfo> stream =
        presentedKey == null || presentedKey.isEmpty()
            ? Optional.empty()
            : queryOne(
                "SELECT " + COLUMNS + " FROM media.streams WHERE publish_key_hash = ?",
                PublishKey.hash(presentedKey));
    return requireNotEnded(
        stream.orElseThrow(
            () ->
                new UnauthorizedException(
                    "invalid_publish_key", "no stream has this publish key")));
  }

  @Override
  public StreamInfo moveTo(String id, StreamState next) {
    StreamInfo current = get(id);
    if (current.state() == next) {
      return current;
    }
    requireNotEnded(current);
    if (!current.state().canMoveTo(next)) {
      throw new ConflictException(
          "invalid_transition",
          "stream "
              + id
              + " cannot go from "
              + current.state().wireName()
              + " to "
              + next.wireName());
    }
    Instant now = now();
    int changed =
        update(
            "UPDATE media.streams SET state = ?, state_changed_at = ? WHERE id = ? AND state = ?",
            next.wireName(),
            Timestamp.from(now),
            id,
            current.state().wireName());
    return changed == 1
        ? new StreamInfo(id, current.title(), next, current.createdAt(), now)
        : moveTo(id, next);
  }

  @Override
  public int idleAllLive() {
    return update(
        "UPDATE media.streams SET state = 'idle', state_changed_at = ? WHERE state = 'live'",
        Timestamp.from(now()));
  }

  private static StreamInfo requireNotEnded(StreamInfo stream) {
    if (stream.state() == StreamState.ENDED) {
      throw new ConflictException("stream_ended", "stream " + stream.id() + " has ended");
    }
    return stream;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Optional<StreamInfo> queryOne(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read streams: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, args);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the stream: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }

  private static StreamInfo row(ResultSet rs) throws SQLException {
    return new StreamInfo(
        rs.getString("id"),
        rs.getString("title"),
        StreamState.fromWireName(rs.getString("state")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("state_changed_at").toInstant());
  }

  private String newId() {
    StringBuilder id = new StringBuilder("str_");
    for (int i = 0; i < 16; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }
}
