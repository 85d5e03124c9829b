package dev.slipstream.vision.view;

import dev.slipstream.platform.db.SchemaMigration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Every stream's calibration and zones, kept so that a restart, another node or a second editor
 * sees the same view. Replacing a view is all-or-nothing: points and zones change together.
 */
public interface StreamViews {
  /** The {@code vision} schema's tables. */
  SchemaMigration MIGRATION = new SchemaMigration("vision", "classpath:db/vision");

  /** The views in PostgreSQL's {@code vision} schema (run {@link #MIGRATION} first). */
  static StreamViews postgres(DataSource dataSource, InstantSource clock) {
    return new PostgresStreamViews(dataSource, clock);
  }

  /** Returns the stream's view, if it has one. */
  Optional<StoredView> find(String streamId);

  /**
   * Stores {@code view} as the stream's view.
   *
   * @param expectedRevision the revision the caller read and means to replace, or empty to replace
   *     whatever is there (or create the first)
   * @param actor who makes the change
   * @return the view as stored, with its new revision
   * @throws dev.slipstream.platform.ConflictException with code {@code revision_mismatch} when
   *     {@code expectedRevision} is not the stored one (nothing is changed)
   */
  StoredView put(String streamId, StreamView view, OptionalLong expectedRevision, String actor);

  /**
   * Stores {@code view} only if the stream has no view yet (for built-in scenes, so an operator's
   * later edit survives restarts).
   *
   * @return the view the stream has now
   */
  StoredView putIfAbsent(String streamId, StreamView view, String actor);

  /** Removes the stream's view; returns whether it had one. */
  boolean remove(String streamId);
}
