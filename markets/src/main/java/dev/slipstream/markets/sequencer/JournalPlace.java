package dev.slipstream.markets.sequencer;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Where a bet shard journals its commands ({@code bets.journal}). */
public sealed interface JournalPlace {
  /**
   * PostgreSQL, with group commit ({@link ShardJournal}).
   *
   * @param formerLocal where a local journal of this shard was, or null: what it left there is
   *     drained to PostgreSQL and removed first, so switching back to PostgreSQL loses no bet
   */
  record Postgres(@Nullable Path formerLocal) implements JournalPlace {}

  /**
   * A folder of this shard's own: each batch is fsynced there and answered, drained to PostgreSQL
   * in batches of hundreds, each stake drawn from a float the shard reserves on the wallet ({@link
   * LocalBetJournal}).
   */
  record Local(Path folder) implements JournalPlace {
    public Local {
      Objects.requireNonNull(folder, "folder");
    }
  }

  /** PostgreSQL, with no local journal before it. */
  static JournalPlace postgres() {
    return new Postgres(null);
  }
}
