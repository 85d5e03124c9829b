package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.HoldsInTransaction;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.limits.PlayerLimits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's journal in PostgreSQL with group commit: the sequencer appends each command and gets
 * a future that completes once the command is committed; a writer thread takes everything queued
 * (up to 1,000 entries, never waiting for more: while one commit runs the next batch gathers, so
 * batches grow with load and an idle shard commits at once) and writes it in one transaction, so
 * the cost of a commit is shared by all the bets that arrived meanwhile. Entries are numbered by
 * the sequencer, in its order.
 *
 * <p>A bet's entry may carry its stake hold: the writer then decides and writes the holds of the
 * batch in the same transaction as its journal rows ({@link HoldsInTransaction}), so one commit
 * makes a batch's bets and their money durable together, and a crash keeps both or neither; a batch
 * takes two round trips, one to read the wallets and one to write and commit. Holds of wallets with
 * limits or breaks on record are left to the sequencer's checked path (their future completes with
 * null once the journal row is durable), found in the same read ({@link
 * PlayerLimits#WALLETS_WITH_LIMITS}).
 */
final class ShardJournal implements BetJournal {
  private static final Logger log = LoggerFactory.getLogger(ShardJournal.class);
  private static final int MAX_BATCH = 1_000;
  private static final int CONFLICT_ATTEMPTS = 8;
  private static final int OTHER_ATTEMPTS = 3;

  private record Entry(
      long seq,
      byte[] command,
      CompletableFuture<Long> durable,
      @Nullable HoldRequest hold,
      @Nullable CompletableFuture<@Nullable Outcome<Hold>> held) {}

  private final DataSource dataSource;
  private final String shard;
  private final InstantSource clock;
  private final boolean screenLimits;
  private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  // The writer's own connection, kept between batches: a busy pool (sockets checking sessions,
  // wallets being read) never makes a bet's commit wait for a connection. Writer thread only.
  private @Nullable Connection own;
  private long nextSeq;
  private volatile boolean closed;
  private volatile long batches;
  private volatile long written;
  private volatile long commitNanos;
  private volatile long maxCommitNanos;
  private volatile long retries;

  /**
   * @param screenLimits whether wallets with limits or breaks must take the checked path
   */
  ShardJournal(
      DataSource dataSource,
      String shard,
      long lastSeq,
      InstantSource clock,
      boolean screenLimits) {
    this.dataSource = dataSource;
    this.shard = shard;
    this.clock = clock;
    this.screenLimits = screenLimits;
    this.nextSeq = lastSeq + 1;
    this.writer = new Thread(this::writeLoop, "journal-" + shard);
    writer.setDaemon(true);
    writer.start();
  }

  /** Reads a shard's entries in order, for replay. */
  static List<byte[]> read(DataSource dataSource, String shard) throws SQLException {
    List<byte[]> commands = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT command FROM markets.journal WHERE shard = ? ORDER BY seq")) {
      s.setString(1, shard);
      s.setFetchSize(10_000);
      c.setAutoCommit(false);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          commands.add(rows.getBytes(1));
        }
      }
      c.commit();
    }
    return commands;
  }

  @Override
  public CompletableFuture<Long> append(byte[] command) {
    return append(command, null, null);
  }

  /**
   * Queues a bet's command with its stake hold, to commit together: the stake is covered and held
   * by the same commit ({@code held} completes with null when the wallet has limits or a break on
   * record and the stake must go through the checked path instead).
   */
  @Override
  public StakeEntry appendBet(byte[] command, HoldRequest stake) {
    CompletableFuture<@Nullable Outcome<Hold>> held = new CompletableFuture<>();
    CompletableFuture<Long> durable = append(command, stake, held);
    return new StakeEntry(durable, held.thenApply(outcome -> outcome), held);
  }

  private CompletableFuture<Long> append(
      byte[] command,
      @Nullable HoldRequest hold,
      @Nullable CompletableFuture<@Nullable Outcome<Hold>> held) {
    CompletableFuture<Long> durable = new CompletableFuture<>();
    if (closed) {
      IllegalStateException failure = new IllegalStateException("the journal is closed");
      durable.completeExceptionally(failure);
      if (held != null) {
        held.completeExceptionally(failure);
      }
      return durable;
    }
    queue.add(new Entry(nextSeq++, command, durable, hold, held));
    return durable;
  }

  @Override
  public JournalStats stats() {
    long n = batches;
    return new JournalStats(n, written, retries, n == 0 ? 0 : commitNanos / n, maxCommitNanos);
  }

  private void writeLoop() {
    List<Entry> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (!closed || !queue.isEmpty()) {
        try {
          Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
          write(batch);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          batch.clear();
        }
      }
    } finally {
      dropConnection();
    }
  }

  private void write(List<Entry> batch) {
    long started = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        HoldsInTransaction holds = writeOnce(batch);
        long took = System.nanoTime() - started;
        batches++;
        written += batch.size();
        commitNanos += took;
        if (took > maxCommitNanos) {
          maxCommitNanos = took;
        }
        holds.committed();
        for (Entry e : batch) {
          e.durable().complete(e.seq());
        }
        return;
      } catch (SQLException | RuntimeException e) {
        boolean conflict = e instanceof SQLException sql && "40001".equals(sql.getSQLState());
        if (attempt >= (conflict ? CONFLICT_ATTEMPTS : OTHER_ATTEMPTS)) {
          log.error(
              "shard {}: journal write of {} entries failed: {}",
              shard,
              batch.size(),
              e.getMessage());
          fail(batch, e);
          return;
        }
        retries++;
        try {
          Thread.sleep(conflict ? attempt : 50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          fail(batch, e);
          return;
        }
      }
    }
  }

  /**
   * One attempt: the holds of unguarded wallets and the journal rows, committed together in two
   * round trips ({@link HoldsInTransaction}). Entries whose holds were left to the checked path
   * complete their {@code held} with null on {@link HoldsInTransaction#committed()}.
   */
  private HoldsInTransaction writeOnce(List<Entry> batch) throws SQLException {
    long[] seqs = new long[batch.size()];
    byte[][] commands = new byte[batch.size()][];
    List<HoldRequest> requests = new ArrayList<>();
    List<CompletableFuture<@Nullable Outcome<Hold>>> results = new ArrayList<>();
    for (int i = 0; i < seqs.length; i++) {
      Entry e = batch.get(i);
      seqs[i] = e.seq();
      commands[i] = e.command();
      HoldRequest hold = e.hold();
      CompletableFuture<@Nullable Outcome<Hold>> held = e.held();
      if (hold != null && held != null) {
        requests.add(hold);
        results.add(held);
      }
    }
    Connection c = connection();
    try {
      return HoldsInTransaction.commit(
          c,
          requests,
          results,
          clock.instant().truncatedTo(ChronoUnit.MICROS),
          screenLimits ? PlayerLimits.WALLETS_WITH_LIMITS : null,
          new HoldsInTransaction.CallerRows(
              "INSERT INTO markets.journal (shard, seq, command)"
                  + " SELECT ?, * FROM unnest(?::bigint[], ?::bytea[])",
              (s, first) -> {
                s.setString(first, shard);
                s.setArray(first + 1, c.createArrayOf("bigint", box(seqs)));
                s.setArray(first + 2, c.createArrayOf("bytea", commands));
              }));
    } catch (SQLException | RuntimeException e) {
      dropConnection(); // the retry starts on a fresh one, in case this one is broken
      throw e;
    }
  }

  private Connection connection() throws SQLException {
    Connection c = own;
    if (c == null || c.isClosed()) {
      c = dataSource.getConnection();
      c.setAutoCommit(true); // each batch commits at the end of its writing round trip
      own = c;
    }
    return c;
  }

  private void dropConnection() {
    Connection c = own;
    own = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing the journal's connection failed", e);
      }
    }
  }

  private static void fail(List<Entry> batch, Exception e) {
    for (Entry entry : batch) {
      entry.durable().completeExceptionally(e);
      if (entry.held() != null) {
        entry.held().completeExceptionally(e);
      }
    }
  }

  private static Long[] box(long[] values) {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  @Override
  public void close() {
    closed = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
