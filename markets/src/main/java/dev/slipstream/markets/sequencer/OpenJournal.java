package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the journal a {@link JournalPlace} names, with PostgreSQL first brought up to whatever a
 * local journal holds beyond it (so the shard's replay reads one table), ready for the sequencer's
 * appends.
 */
final class OpenJournal {
  private static final Logger log = LoggerFactory.getLogger(OpenJournal.class);

  private OpenJournal() {}

  /**
   * @param screenLimits whether wallets with limits or breaks must take the checked path
   * @throws UncheckedIOException when a local journal cannot be read or drained
   */
  static BetJournal open(
      JournalPlace place,
      String shard,
      DataSource dataSource,
      Ledger ledger,
      boolean screenLimits,
      InstantSource clock,
      LongSupplier nanoTime)
      throws SQLException {
    try {
      return switch (place) {
        case JournalPlace.Postgres postgres -> {
          Path former = postgres.formerLocal();
          if (former != null) {
            int drained =
                LocalJournalStart.drainAndRemove(former, dataSource, ledger, shard, clock);
            if (drained > 0) {
              log.info(
                  "bet shard {}: drained {} records the local journal in {} held to PostgreSQL",
                  shard,
                  drained,
                  former);
            }
          }
          yield new ShardJournal(
              dataSource,
              shard,
              JournalDrain.drainedThrough(dataSource, shard),
              clock,
              screenLimits);
        }
        case JournalPlace.Local local -> {
          LocalJournalStart start =
              LocalJournalStart.open(local.folder(), dataSource, ledger, shard, clock);
          log.info(
              "bet shard {}: local journal in {}: {} torn bytes dropped, {} records left from"
                  + " before drained to PostgreSQL, {} floats given back",
              shard,
              local.folder(),
              start.file().recovery().tornBytesDropped(),
              start.drained(),
              start.floatsGivenBack());
          yield new LocalBetJournal(
              start.file(),
              start.lastSeq(),
              shard,
              dataSource,
              ledger,
              screenLimits ? dataSource : null,
              clock,
              nanoTime);
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(
          "bet shard " + shard + ": the local journal in " + place + " cannot be read", e);
    }
  }
}
