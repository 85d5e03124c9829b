package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.FloatDraws;
import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.markets.journal.JournalRecord;
import dev.slipstream.markets.journal.LocalJournal;
import java.io.IOException;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shard's journal as a local file, fsynced once per batch, with each bet's stake drawn from a
 * float the shard reserved on the wallet in the ledger (the card-authorisation pattern): a bet is
 * answered once its command and its draw are in the file, with no round trip to PostgreSQL, and the
 * money it promised is already out of every other writer's reach. A {@link JournalDrain} moves the
 * file into PostgreSQL in batches of hundreds (commands as journal rows, draws as the stakes' own
 * holds) and the file is then forgotten up to there.
 *
 * <p>A stake no float covers waits, with the wallet's later stakes behind it, while a float is
 * asked for ({@link FloatTopUps}); its bet's command is journaled at once, in the sequencer's
 * order, and its draw when the float comes. A wallet with limits or a break on record gets no
 * float: its stakes take the sequencer's checked path, as with the PostgreSQL journal, and every
 * drain asks again for the wallets it drew from, so a limit set later ends their floats within a
 * drain.
 *
 * <p>All state lives on one writer thread; top-up answers and drain reports come back through its
 * queue.
 */
final class LocalBetJournal implements BetJournal {
  /** Segment files of 64 MiB: a minute of bets at 5,000 a second. */
  static final long SEGMENT_BYTES = 64L << 20;

  private static final Logger log = LoggerFactory.getLogger(LocalBetJournal.class);
  private static final int MAX_BATCH = 1_000;
  private static final long IDLE_FLOAT_NANOS = TimeUnit.SECONDS.toNanos(30);
  // Floats live a day in the ledger (FloatTopUps); the shard gives each back within an hour.
  private static final long OLD_FLOAT_NANOS = TimeUnit.HOURS.toNanos(1);
  private static final long SCREEN_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final Outcome<?> COVERED = new Outcome.Done<>("drawn from a float", false);

  private sealed interface Work {}

  private record CommandWork(byte[] command, CompletableFuture<Long> durable) implements Work {}

  private record BetWork(byte[] command, HoldRequest stake, StakeEntry entry) implements Work {}

  private record TopUp(long wallet, FloatTopUps.Result result) implements Work {}

  private record Drained(JournalDrain.Drained drained, Set<Long> screened) implements Work {}

  /** One batch's records, what completes once they are durable, and what the drain then takes. */
  private static final class Batch {
    final List<JournalRecord> records = new ArrayList<>();
    final List<Runnable> afterDurable = new ArrayList<>();
    final List<JournalDrain.Entry> toDrain = new ArrayList<>();
  }

  private final LocalJournal file;
  private final String shard;
  private final LongSupplier nanoTime;
  private final @Nullable DataSource screenSource;
  private final ShardFloats floats = new ShardFloats();
  private final FloatTopUps topUps;
  private final JournalDrain drain;
  private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private long nextSeq;
  private long lastIdleCheck;
  private @Nullable Throwable broken;
  private volatile boolean closed;
  private volatile long batches;
  private volatile long written;
  private volatile long writeNanos;
  private volatile long maxWriteNanos;

  /**
   * @param file the shard's local journal, recovered and already drained (see {@link
   *     LocalJournalStart})
   * @param lastSeq the last sequence number used, in the file or in PostgreSQL
   * @param screenSource where players' limits are read, or null when stakes are not checked
   */
  LocalBetJournal(
      LocalJournal file,
      long lastSeq,
      String shard,
      DataSource dataSource,
      Ledger ledger,
      @Nullable DataSource screenSource,
      InstantSource clock,
      LongSupplier nanoTime) {
    this.file = file;
    this.nextSeq = lastSeq + 1;
    this.shard = shard;
    this.nanoTime = nanoTime;
    this.screenSource = screenSource;
    this.topUps =
        new FloatTopUps(
            ledger, screenSource, shard, (wallet, result) -> queue.add(new TopUp(wallet, result)));
    this.drain = new JournalDrain(dataSource, shard, clock, this::drained);
    this.lastIdleCheck = nanoTime.getAsLong();
    this.writer = new Thread(this::writeLoop, "journal-" + shard);
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public CompletableFuture<Long> append(byte[] command) {
    CompletableFuture<Long> durable = new CompletableFuture<>();
    if (closed) {
      durable.completeExceptionally(new IllegalStateException("the journal is closed"));
    } else {
      queue.add(new CommandWork(command, durable));
    }
    return durable;
  }

  @Override
  public StakeEntry appendBet(byte[] command, HoldRequest stake) {
    StakeEntry entry = StakeEntry.open();
    if (closed) {
      entry.fail(new IllegalStateException("the journal is closed"));
    } else {
      queue.add(new BetWork(command, stake, entry));
    }
    return entry;
  }

  @Override
  public JournalStats stats() {
    long n = batches;
    return new JournalStats(
        n, written, drain.failures(), n == 0 ? 0 : writeNanos / n, maxWriteNanos);
  }

  private void writeLoop() {
    List<Work> works = new ArrayList<>(MAX_BATCH);
    while (!closed || !queue.isEmpty() || floats.anyOutstanding()) {
      try {
        Work first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          works.add(first);
          queue.drainTo(works, MAX_BATCH - 1);
          write(works);
        }
        retireIdleFloats();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("shard {}: the local journal's writer failed: {}", shard, e.toString(), e);
      } finally {
        works.clear();
      }
    }
  }

  private void write(List<Work> works) {
    Batch batch = new Batch();
    for (Work work : works) {
      switch (work) {
        case CommandWork c -> {
          long seq = command(batch, c.command());
          batch.afterDurable.add(() -> c.durable().complete(seq));
        }
        case BetWork b -> bet(batch, b);
        case TopUp t -> toppedUp(batch, t.wallet(), t.result());
        case Drained d -> afterDrain(d);
      }
    }
    if (!batch.records.isEmpty()) {
      long started = System.nanoTime();
      try {
        if (broken != null) {
          throw new IOException("the local journal failed before", broken);
        }
        file.append(batch.records);
      } catch (IOException | RuntimeException e) {
        broken = e;
        log.error("shard {}: the local journal could not be written: {}", shard, e.toString());
        failAll(works, e);
        return;
      }
      long took = System.nanoTime() - started;
      batches++;
      written += batch.records.size();
      writeNanos += took;
      if (took > maxWriteNanos) {
        maxWriteNanos = took;
      }
      drain.add(batch.toDrain);
    }
    batch.afterDurable.forEach(Runnable::run);
  }

  private void bet(Batch batch, BetWork b) {
    long seq = command(batch, b.command());
    batch.afterDurable.add(() -> b.entry().durable().complete(seq));
    HoldRequest stake = b.stake();
    long wallet = stake.debitAccountId();
    long now = nanoTime.getAsLong();
    if (floats.screened(wallet, now)) {
      batch.afterDurable.add(() -> checkedPath(b.entry()));
      return;
    }
    ShardFloats.Float from = floats.spend(wallet, stake.amount(), now);
    if (from != null) {
      draw(batch, from, stake, b.entry());
      if (from.low()) {
        askForFloat(stake); // the next float comes before this one runs out
      }
    } else {
      floats.park(new ShardFloats.Waiting(stake, b.entry()));
      askForFloat(stake);
    }
  }

  private void askForFloat(HoldRequest stake) {
    if (floats.ask(stake.debitAccountId())) {
      topUps.request(stake);
    }
  }

  private void toppedUp(Batch batch, long wallet, FloatTopUps.Result result) {
    long now = nanoTime.getAsLong();
    floats.answered(wallet);
    switch (result) {
      case FloatTopUps.Result.Reserved reserved -> release(floats.added(reserved.hold(), now));
      case FloatTopUps.Result.Screened screened -> {
        release(floats.screen(wallet, now + SCREEN_NANOS));
        for (ShardFloats.Waiting w : floats.takeAllWaiting(wallet)) {
          batch.afterDurable.add(() -> checkedPath(w.entry()));
        }
      }
      case FloatTopUps.Result.Refused refused -> {
        // Only the first waiting stake was asked for; a float asked for ahead of need just
        // does not come.
        if (floats.firstWaiting(wallet) != null) {
          ShardFloats.Waiting first = floats.takeFirstWaiting(wallet);
          batch.afterDurable.add(() -> refuse(first.entry(), refused.refusal()));
        }
      }
      case FloatTopUps.Result.Failed failed -> {
        for (ShardFloats.Waiting w : floats.takeAllWaiting(wallet)) {
          batch.afterDurable.add(
              () -> {
                w.entry().covered().completeExceptionally(failed.failure());
                w.entry().held().completeExceptionally(failed.failure());
              });
        }
      }
    }
    // The waiting stakes the wallet's float covers go now, in order; the first it does not
    // cover asks for the next float.
    ShardFloats.Covered covered;
    while ((covered = floats.coverFirstWaiting(wallet, now)) != null) {
      draw(batch, covered.from(), covered.bet().stake(), covered.bet().entry());
    }
    ShardFloats.Waiting next = floats.firstWaiting(wallet);
    if (next != null) {
      askForFloat(next.stake());
    }
  }

  private void afterDrain(Drained d) {
    d.drained()
        .drawsPerFloat()
        .forEach((floatId, count) -> release(floats.drained(floatId, count)));
    long now = nanoTime.getAsLong();
    for (long wallet : d.screened()) {
      release(floats.screen(wallet, now + SCREEN_NANOS));
    }
    try {
      file.forgetThrough(d.drained().through());
    } catch (IOException e) {
      log.warn("shard {}: drained journal segments could not be deleted: {}", shard, e.toString());
    }
  }

  /** On the drain's thread: asks again which of the drained wallets have limits now. */
  private void drained(JournalDrain.Drained drained) {
    Set<Long> screened = Set.of();
    if (screenSource != null && !drained.wallets().isEmpty()) {
      try {
        screened = FloatTopUps.screened(screenSource, drained.wallets());
      } catch (SQLException e) {
        log.warn("shard {}: the limits screen after a drain failed: {}", shard, e.toString());
      }
    }
    queue.add(new Drained(drained, screened));
  }

  private void retireIdleFloats() {
    long now = nanoTime.getAsLong();
    if (now - lastIdleCheck < TimeUnit.SECONDS.toNanos(1)) {
      return;
    }
    lastIdleCheck = now;
    floats.retireIdleOrOld(now - IDLE_FLOAT_NANOS, now - OLD_FLOAT_NANOS).forEach(this::release);
  }

  private long command(Batch batch, byte[] command) {
    long seq = nextSeq++;
    batch.records.add(new JournalRecord(seq, LocalRecord.encode(new LocalRecord.Command(command))));
    batch.toDrain.add(new JournalDrain.CommandEntry(seq, command));
    return seq;
  }

  private void draw(Batch batch, ShardFloats.Float from, HoldRequest stake, StakeEntry entry) {
    FloatDraws.Draw draw = new FloatDraws.Draw(from.holdId, stake);
    long seq = nextSeq++;
    batch.records.add(new JournalRecord(seq, LocalRecord.encode(new LocalRecord.Draw(draw))));
    batch.toDrain.add(new JournalDrain.DrawEntry(seq, draw, entry.held()));
    batch.afterDurable.add(() -> entry.covered().complete(COVERED));
  }

  private void release(ShardFloats.@Nullable Float given) {
    if (given != null) {
      topUps.release(given);
    }
  }

  @Override
  public boolean ownsFloat(Hold hold) {
    return topUps.owns(hold);
  }

  private static void checkedPath(StakeEntry entry) {
    entry.covered().complete(null);
    entry.held().complete(null);
  }

  private static void refuse(StakeEntry entry, Outcome.Refused<?> refusal) {
    Outcome.Refused<Hold> refused = new Outcome.Refused<>(refusal.reason(), refusal.message());
    entry.covered().complete(refused);
    entry.held().complete(refused);
  }

  private static void failAll(List<Work> works, Throwable failure) {
    for (Work work : works) {
      switch (work) {
        case CommandWork c -> c.durable().completeExceptionally(failure);
        case BetWork b -> b.entry().fail(failure);
        default -> {}
      }
    }
  }

  /**
   * Writes what is queued (bets waiting for a float wait for it), drains everything to PostgreSQL,
   * gives every float back, and closes the file.
   */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain.close();
    // The drain's last reports, then every float back to its wallet.
    List<Work> last = new ArrayList<>();
    queue.drainTo(last);
    for (Work w : last) {
      if (w instanceof Drained d) {
        afterDrain(d);
      }
    }
    List<CompletableFuture<?>> given = new ArrayList<>();
    for (ShardFloats.Float f : floats.retireAll()) {
      given.add(topUps.release(f));
    }
    try {
      CompletableFuture.allOf(given.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.warn(
          "shard {}: not every float was given back; the next start does: {}", shard, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    topUps.close();
    try {
      file.close();
    } catch (IOException e) {
      log.warn("shard {}: closing the local journal failed: {}", shard, e.toString());
    }
  }
}
