package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.FloatDraws;
import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldsInTransaction;
import dev.slipstream.ledger.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a shard's local journal into PostgreSQL in batches of hundreds: the commands become rows of
 * {@code markets.journal} (the same rows the PostgreSQL journal writes, so replay reads one table),
 * the stakes drawn from floats become their holds ({@link FloatDraws}), and {@code
 * markets.journal_drains} records how far the file has been drained, all in one transaction: a
 * crash keeps all of a batch or none, and the next start drains from the record after. Entries
 * arrive already durable in the file, so a failed drain is only retried, never reported to a
 * bettor; the stakes' hold futures complete once their holds are in the ledger.
 */
final class JournalDrain implements AutoCloseable {
  /** How long entries wait to be drained together, at most. */
  static final long INTERVAL_MS = 250;

  /** The most entries one drain takes. */
  static final int MAX_ENTRIES = 5_000;

  private static final Logger log = LoggerFactory.getLogger(JournalDrain.class);

  /** A durable entry of the local journal, waiting for PostgreSQL. */
  sealed interface Entry {
    long seq();
  }

  record CommandEntry(long seq, byte[] command) implements Entry {}

  record DrawEntry(
      long seq, FloatDraws.Draw draw, @Nullable CompletableFuture<@Nullable Outcome<Hold>> held)
      implements Entry {}

  /** What a drain did: draws per float, the last sequence number, the wallets it drew from. */
  record Drained(Map<Long, Integer> drawsPerFloat, long through, Set<Long> wallets) {}

  /** Hears of each drain, on the drain's thread. */
  interface Listener {
    void drained(Drained drained);
  }

  private final DataSource dataSource;
  private final String shard;
  private final InstantSource clock;
  private final Listener listener;
  private final LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;
  private volatile long failures;

  JournalDrain(DataSource dataSource, String shard, InstantSource clock, Listener listener) {
    this.dataSource = dataSource;
    this.shard = shard;
    this.clock = clock;
    this.listener = listener;
    this.thread = new Thread(this::run, "journal-drain-" + shard);
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands over entries made durable, in their order. */
  void add(List<Entry> durable) {
    entries.addAll(durable);
  }

  long failures() {
    return failures;
  }

  /**
   * How far {@code shard}'s local journal is in PostgreSQL: the last drained sequence number (or
   * the last row the PostgreSQL journal wrote, if that is later), 0 when nothing is.
   */
  static long drainedThrough(DataSource dataSource, String shard) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT greatest((SELECT coalesce(max(seq), 0) FROM markets.journal"
                    + " WHERE shard = ?), (SELECT coalesce(max(through), 0)"
                    + " FROM markets.journal_drains WHERE shard = ?))")) {
      s.setString(1, shard);
      s.setString(2, shard);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * Writes {@code batch} (not empty, in order) to PostgreSQL in one transaction, on {@code c} with
   * auto-commit on; returns the stakes' holds in the order of the batch's draws.
   */
  static List<Hold> write(Connection c, String shard, List<Entry> batch, InstantSource clock)
      throws SQLException {
    List<Long> seqs = new ArrayList<>();
    List<byte[]> commands = new ArrayList<>();
    List<FloatDraws.Draw> draws = new ArrayList<>();
    for (Entry e : batch) {
      switch (e) {
        case CommandEntry command -> {
          seqs.add(command.seq());
          commands.add(command.command());
        }
        case DrawEntry draw -> draws.add(draw.draw());
      }
    }
    long through = batch.getLast().seq();
    return FloatDraws.commit(
        c,
        draws,
        clock.instant().truncatedTo(ChronoUnit.MICROS),
        new HoldsInTransaction.CallerRows(
            "INSERT INTO markets.journal (shard, seq, command)"
                + " SELECT ?, * FROM unnest(?::bigint[], ?::bytea[]);\n"
                + "INSERT INTO markets.journal_drains (shard, through) VALUES (?, ?)"
                + " ON CONFLICT (shard) DO UPDATE SET through = excluded.through",
            (s, first) -> {
              s.setString(first, shard);
              s.setArray(first + 1, c.createArrayOf("bigint", seqs.toArray(Long[]::new)));
              s.setArray(first + 2, c.createArrayOf("bytea", commands.toArray(byte[][]::new)));
              s.setString(first + 3, shard);
              s.setLong(first + 4, through);
            }));
  }

  private void run() {
    List<Entry> batch = new ArrayList<>();
    long backoffMs = 0;
    while (true) {
      try {
        if (batch.isEmpty()) {
          if (closing && entries.isEmpty()) {
            return;
          }
          Entry first = entries.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          if (!closing) {
            Thread.sleep(INTERVAL_MS); // let a batch gather
          }
          batch.add(first);
          entries.drainTo(batch, MAX_ENTRIES - 1);
        }
        if (backoffMs > 0) {
          Thread.sleep(backoffMs);
        }
        drain(batch);
        batch.clear();
        backoffMs = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (SQLException | RuntimeException e) {
        failures++;
        backoffMs = Math.min(1_000, Math.max(50, backoffMs * 2));
        log.warn(
            "shard {}: draining {} journal entries to PostgreSQL failed (retrying in {} ms): {}",
            shard,
            batch.size(),
            backoffMs,
            e.toString());
      }
    }
  }

  private void drain(List<Entry> batch) throws SQLException {
    List<Hold> holds;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      holds = write(c, shard, batch, clock);
    }
    Map<Long, Integer> perFloat = new HashMap<>();
    Set<Long> wallets = new LinkedHashSet<>();
    int next = 0;
    for (Entry e : batch) {
      if (e instanceof DrawEntry draw) {
        perFloat.merge(draw.draw().floatHoldId(), 1, Integer::sum);
        wallets.add(draw.draw().stake().debitAccountId());
        Hold hold = holds.get(next++);
        if (draw.held() != null) {
          draw.held().complete(new Outcome.Done<>(hold, false));
        }
      }
    }
    listener.drained(new Drained(perFloat, batch.getLast().seq(), wallets));
  }

  /** Drains everything handed over, then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.error(
          "shard {}: {} journal entries were not drained to PostgreSQL before closing; the next"
              + " start drains them from the local journal",
          shard,
          entries.size());
      thread.interrupt();
    }
  }
}
