package dev.slipstream.markets.sequencer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's journal in PostgreSQL with group commit: the sequencer appends each command and gets
 * a future that completes once the command is committed; a writer thread takes everything queued
 * (up to 1,000 entries) and writes it in one transaction, so the cost of a commit is shared by all
 * the bets that arrived meanwhile. Entries are numbered by the sequencer, in its order.
 */
final class ShardJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ShardJournal.class);
  private static final int MAX_BATCH = 1_000;

  private record Entry(long seq, byte[] command, CompletableFuture<Long> durable) {}

  private final DataSource dataSource;
  private final String shard;
  private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private long nextSeq;
  private volatile boolean closed;
  private volatile long batches;
  private volatile long written;

  ShardJournal(DataSource dataSource, String shard, long lastSeq) {
    this.dataSource = dataSource;
    this.shard = shard;
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

  /** Queues a command; the future completes with its sequence number once committed. */
  CompletableFuture<Long> append(byte[] command) {
    CompletableFuture<Long> durable = new CompletableFuture<>();
    if (closed) {
      durable.completeExceptionally(new IllegalStateException("the journal is closed"));
      return durable;
    }
    queue.add(new Entry(nextSeq++, command, durable));
    return durable;
  }

  long batches() {
    return batches;
  }

  long written() {
    return written;
  }

  private void writeLoop() {
    List<Entry> batch = new ArrayList<>(MAX_BATCH);
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
  }

  private void write(List<Entry> batch) {
    long[] seqs = new long[batch.size()];
    byte[][] commands = new byte[batch.size()][];
    for (int i = 0; i < seqs.length; i++) {
      seqs[i] = batch.get(i).seq();
      commands[i] = batch.get(i).command();
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO markets.journal (shard, seq, command)"
                      + " SELECT ?, * FROM unnest(?::bigint[], ?::bytea[])")) {
        s.setString(1, shard);
        s.setArray(2, c.createArrayOf("bigint", box(seqs)));
        s.setArray(3, c.createArrayOf("bytea", commands));
        s.executeUpdate();
        batches++;
        written += batch.size();
        for (Entry e : batch) {
          e.durable().complete(e.seq());
        }
        return;
      } catch (SQLException e) {
        if (attempt >= 3) {
          log.error(
              "shard {}: journal write of {} entries failed: {}",
              shard,
              batch.size(),
              e.getMessage());
          for (Entry entry : batch) {
            entry.durable().completeExceptionally(e);
          }
          return;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          batch.forEach(entry -> entry.durable().completeExceptionally(e));
          return;
        }
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

  /** Writes what is queued, then stops the writer. */
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
