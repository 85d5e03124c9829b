package dev.slipstream.media.stream;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.db.SchemaMigration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/** The durable list of streams: create one, look one up, page through them newest first. */
public interface StreamDirectory {

  /** The media module's schema and migrations; the composition root applies them at start. */
  SchemaMigration MIGRATION = new SchemaMigration("media", "classpath:db/media");

  /** The most streams one page may hold. */
  int MAX_PAGE_SIZE = 100;

  /**
   * Creates an idle stream.
   *
   * @throws InvalidInputException {@code invalid_title} when the title is blank, longer than 120
   *     characters or holds control characters
   */
  StreamInfo create(String title);

  /** Returns the stream with this id, if there is one. */
  Optional<StreamInfo> find(String id);

  /**
   * Returns up to {@code limit} streams, newest first, starting after {@code cursor}.
   *
   * @param cursor empty for the first page, else a {@link StreamPage#nextCursor()} from before
   * @param limit 1 to {@link #MAX_PAGE_SIZE}
   * @throws InvalidInputException {@code invalid_cursor} or {@code invalid_limit}
   */
  StreamPage list(Optional<String> cursor, int limit);

  /**
   * Returns the directory kept in the {@code media} schema of {@code dataSource}, which must be
   * migrated with {@link #MIGRATION}.
   */
  static StreamDirectory postgres(
      DataSource dataSource, InstantSource clock, RandomGenerator random) {
    return new PostgresStreamDirectory(dataSource, clock, random);
  }
}
