package dev.slipstream.media.stream;

import dev.slipstream.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/** The stream directory in PostgreSQL's {@code media.streams}, paged by a sequence cursor. */
final class PostgresStreamDirectory implements StreamDirectory {
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int MAX_TITLE_LENGTH = 120;
  private static final String COLUMNS = "seq, id, title, state, created_at";

  private final DataSource dataSource;
  private final InstantSource clock;
  private final RandomGenerator random;

  PostgresStreamDirectory(DataSource dataSource, InstantSource clock, RandomGenerator random) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public StreamInfo create(String title) {
    String clean = validTitle(title);
    StreamInfo stream =
        new StreamInfo(
            newId(), clean, StreamState.IDLE, clock.instant().truncatedTo(ChronoUnit.MICROS));
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO media.streams (id, title, state, created_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, stream.id());
      insert.setString(2, stream.title());
      insert.setString(3, stream.state().wireName());
      insert.setTimestamp(4, Timestamp.from(stream.createdAt()));
      insert.executeUpdate();
      return stream;
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the new stream: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<StreamInfo> find(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT " + COLUMNS + " FROM media.streams WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read stream " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public StreamPage list(Optional<String> cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "invalid_limit", "limit must be 1–" + MAX_PAGE_SIZE + " (was " + limit + ")");
    }
    long after = cursor.map(PostgresStreamDirectory::decodeCursor).orElse(Long.MAX_VALUE);
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM media.streams WHERE seq < ? ORDER BY seq DESC LIMIT ?")) {
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
      return new StreamPage(items, more ? Optional.of(encodeCursor(lastSeq)) : Optional.empty());
    } catch (SQLException e) {
      throw new IllegalStateException("could not list streams: " + e.getMessage(), e);
    }
  }

  private static StreamInfo row(ResultSet rs) throws SQLException {
    return new StreamInfo(
        rs.getString("id"),
        rs.getString("title"),
        StreamState.fromWireName(rs.getString("state")),
        rs.getTimestamp("created_at").toInstant());
  }

  private String newId() {
    StringBuilder id = new StringBuilder("str_");
    for (int i = 0; i < 16; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  private static String validTitle(String title) {
    String clean = title == null ? "" : title.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("invalid_title", "title must not be blank");
    }
    if (clean.codePointCount(0, clean.length()) > MAX_TITLE_LENGTH) {
      throw new InvalidInputException(
          "invalid_title", "title must be at most " + MAX_TITLE_LENGTH + " characters");
    }
    if (clean.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("invalid_title", "title must not contain control characters");
    }
    return clean;
  }

  private static String encodeCursor(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("s" + seq).getBytes(StandardCharsets.US_ASCII));
  }

  private static long decodeCursor(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (raw.matches("s\\d{1,18}")) {
        return Long.parseLong(raw.substring(1));
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the same answer as any other unreadable cursor.
    }
    throw new InvalidInputException(
        "invalid_cursor", "cursor is not one this server handed out: " + cursor);
  }
}
