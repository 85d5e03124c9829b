package dev.slipstream.media.stream;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import dev.slipstream.platform.db.SchemaMigration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The durable list of streams and their lives: create one (with its secret publish key), look one
 * up, page through them, check a broadcaster's key, and move a stream between idle, live and ended.
 */
public interface StreamDirectory {

  /** The media module's schema and migrations; the composition root applies them at start. */
  SchemaMigration MIGRATION = new SchemaMigration("media", "classpath:db/media");

  /** The most streams one page may hold. */
  int MAX_PAGE_SIZE = 100;

  /**
   * Creates an idle stream with a fresh publish key.
   *
   * @throws InvalidInputException {@code invalid_title} when the title is blank, longer than 120
   *     characters or holds control characters
   */
  NewStream create(String title);

  /** Returns the stream with this id, if there is one. */
  Optional<StreamInfo> find(String id);

  /**
   * Returns the stream with this id.
   *
   * @throws NotFoundException {@code stream_not_found}
   */
  default StreamInfo get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("stream_not_found", "no stream " + id));
  }

  /**
   * Returns up to {@code limit} streams, newest first, starting after {@code cursor}.
   *
   * @param cursor empty for the first page, else a {@link StreamPage#nextCursor()} from before
   * @param limit 1 to {@link #MAX_PAGE_SIZE}
   * @throws InvalidInputException {@code invalid_cursor} or {@code invalid_limit}
   */
  StreamPage list(Optional<String> cursor, int limit);

  /**
   * Replaces the stream's publish key; the old one stops working at once.
   *
   * @throws NotFoundException {@code stream_not_found}
   * @throws ConflictException {@code stream_ended} when the stream is over
   */
  PublishKey rotatePublishKey(String id);

  /**
   * Checks that {@code presentedKey} is the publish key of stream {@code id} and that the stream
   * can go live.
   *
   * @throws NotFoundException {@code stream_not_found}
   * @throws UnauthorizedException {@code invalid_publish_key} when the key is missing or wrong
   * @throws ConflictException {@code stream_ended} when the stream is over
   */
  StreamInfo authorizePublish(String id, String presentedKey);

  /**
   * Finds the stream a publish key belongs to (for ingest protocols that carry only the key, such
   * as RTMP's stream key).
   *
   * @throws UnauthorizedException {@code invalid_publish_key} when no stream has this key
   */
  StreamInfo findByPublishKey(String presentedKey);

  /**
   * Moves the stream to {@code next} (idle ↔ live, either → ended); moving to the state it is
   * already in changes nothing.
   *
   * @throws NotFoundException {@code stream_not_found}
   * @throws ConflictException {@code stream_ended} when the stream is over
   */
  StreamInfo moveTo(String id, StreamState next);

  /**
   * Marks every live stream idle and returns how many there were: at start-up no publisher can be
   * connected yet, whatever a previous process left behind.
   */
  int idleAllLive();

  /**
   * Returns the directory kept in the {@code media} schema of {@code dataSource}, which must be
   * migrated with {@link #MIGRATION}; {@code random} makes ids and publish keys and must be
   * cryptographically strong outside tests.
   */
  static StreamDirectory postgres(
      DataSource dataSource, InstantSource clock, RandomGenerator random) {
    return new PostgresStreamDirectory(dataSource, clock, random);
  }
}
