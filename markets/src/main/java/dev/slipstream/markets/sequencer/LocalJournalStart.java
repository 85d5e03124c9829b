package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.markets.journal.JournalRecord;
import dev.slipstream.markets.journal.LocalJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Opens a shard's local journal at start and brings PostgreSQL up to it, before the shard replays
 * anything: the file's records after the drained mark are drained now (so the replay reads one
 * table, with every bet the file acknowledged), then the floats the shard held before are given
 * back (every stake drawn from them is in the ledger by then; the shard asks for new ones as bets
 * come).
 *
 * @param file the journal, open for appending
 * @param lastSeq the last sequence number used, in the file or in PostgreSQL
 * @param drained records drained now
 * @param floatsGivenBack floats of the shard's previous run given back
 */
record LocalJournalStart(LocalJournal file, long lastSeq, int drained, int floatsGivenBack) {

  static LocalJournalStart open(
      Path folder, DataSource dataSource, Ledger ledger, String shard, InstantSource clock)
      throws SQLException, IOException {
    LocalJournal file = LocalJournal.open(folder, LocalBetJournal.SEGMENT_BYTES);
    try {
      long through = JournalDrain.drainedThrough(dataSource, shard);
      List<JournalDrain.Entry> left = new ArrayList<>();
      for (JournalRecord r : file.takeRecoveredAfter(through)) {
        left.add(entry(r));
      }
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        for (int from = 0; from < left.size(); from += JournalDrain.MAX_ENTRIES) {
          JournalDrain.write(
              c,
              shard,
              left.subList(from, Math.min(left.size(), from + JournalDrain.MAX_ENTRIES)),
              clock);
        }
      }
      if (file.lastSeq() < through) {
        try {
          file.startAfter(through);
        } catch (IllegalStateException e) {
          throw new IOException(
              "the local journal in "
                  + folder
                  + " ends at entry "
                  + file.lastSeq()
                  + " but PostgreSQL's journal of shard "
                  + shard
                  + " goes on to "
                  + through
                  + " (the shard ran with bets.journal=postgres since); everything in the folder"
                  + " is in PostgreSQL, so move it away and start again",
              e);
        }
      }
      long lastSeq = Math.max(through, file.lastSeq());
      file.forgetThrough(lastSeq);
      // All at once: the ledger's writer commits them in a few batches, not one round trip each.
      List<CompletableFuture<Outcome<Hold>>> given = new ArrayList<>();
      for (Hold f : ledger.openFloats(FloatTopUps.metadata(shard))) {
        given.add(ledger.submitVoid(f.id()));
      }
      for (CompletableFuture<Outcome<Hold>> g : given) {
        g.join().orThrow();
      }
      return new LocalJournalStart(file, lastSeq, left.size(), given.size());
    } catch (SQLException | IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /**
   * Drains what a local journal left in {@code folder} to PostgreSQL, gives its floats back and
   * removes its files: a shard that ran with the local journal now runs with the PostgreSQL one.
   * Returns how many records it drained; nothing when the folder holds no journal.
   */
  static int drainAndRemove(
      Path folder, DataSource dataSource, Ledger ledger, String shard, InstantSource clock)
      throws SQLException, IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    LocalJournalStart start = open(folder, dataSource, ledger, shard, clock);
    start.file().close();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".journal")).toList()) {
        Files.delete(f);
      }
    }
    return start.drained();
  }

  private static JournalDrain.Entry entry(JournalRecord r) {
    return switch (LocalRecord.decode(r.payload())) {
      case LocalRecord.Command c -> new JournalDrain.CommandEntry(r.seq(), c.command());
      case LocalRecord.Draw d -> new JournalDrain.DrawEntry(r.seq(), d.draw(), null);
    };
  }
}
