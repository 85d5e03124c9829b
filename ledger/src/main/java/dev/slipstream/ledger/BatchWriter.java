package dev.slipstream.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's single writer: group commit for many concurrent callers.
 *
 * <p>Callers put requests on a bounded queue and wait on a future. One thread takes whatever is
 * queued (up to the batch limit, never waiting for more: while one batch commits, the next one
 * gathers by itself, so batches grow with load and latency stays low when idle), decides and writes
 * it in one transaction through {@link BatchStore}, commits, and only then completes the futures,
 * so an acknowledged request is durable ({@code synchronous_commit} stays on).
 *
 * <p>A request that is refused (insufficient funds, a reused idempotency id) is a value in its
 * outcome and does not disturb the others. If the batch conflicts with another writer (an account
 * changed since it was read, a deadlock, an idempotency id committed elsewhere) or loses its
 * connection, the whole batch is tried again: every request in it is idempotent, so a commit whose
 * answer was lost cannot apply twice. If the database refuses the batch outright (a constraint the
 * plan should have kept), each request is tried alone, so the one it refuses cannot fail its
 * neighbours; only that caller gets the error. If the database stays unreachable, every caller of
 * the batch gets a {@link LedgerUnavailableException} and may retry with the same idempotency id.
 */
final class BatchWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
  private static final int CONFLICT_ATTEMPTS = 8;
  private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "23505", "55P03");

  private final DataSource dataSource;
  private final InstantSource clock;
  private final int maxBatchSize;
  private final BlockingQueue<Command> queue;
  private final Thread thread;
  private final LongConsumer commitNanos;
  private volatile boolean accepting = true;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private volatile long largestBatch;

  BatchWriter(
      DataSource dataSource,
      InstantSource clock,
      LedgerSettings settings,
      LongConsumer commitNanos) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.maxBatchSize = settings.maxBatchSize();
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.commitNanos = commitNanos;
    this.thread = Thread.ofPlatform().name("ledger-writer").daemon().unstarted(this::run);
    thread.start();
  }

  /** Queues a request, waiting while the queue is full; fails it if the writer is closed. */
  void submit(Command command) {
    if (!accepting) {
      command.fail(new LedgerUnavailableException("the ledger is closed"));
      return;
    }
    try {
      queue.put(command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      command.fail(new LedgerUnavailableException("interrupted before the request was queued", e));
    }
  }

  WriterStats stats() {
    return new WriterStats(batches.get(), requests.get(), largestBatch, retries.get());
  }

  private void run() {
    List<Command> batch = new ArrayList<>(maxBatchSize);
    while (accepting || !queue.isEmpty()) {
      try {
        Command first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatchSize - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        log.error("ledger writer failed a batch of {}", batch.size(), e);
        batch.forEach(c -> c.fail(new LedgerUnavailableException("ledger writer failed", e)));
      } finally {
        batch.clear();
      }
    }
    List<Command> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(c -> c.fail(new LedgerUnavailableException("the ledger is closed")));
  }

  private void commit(List<Command> batch) {
    Exception last = new IllegalStateException("batch not tried");
    for (int attempt = 1; ; attempt++) {
      try {
        apply(batch);
        return;
      } catch (SQLException | RuntimeException e) {
        last = e;
        if (attempt >= attemptsFor(e)) {
          break;
        }
        retries.incrementAndGet();
        log.debug("ledger batch of {} failed ({}), trying again", batch.size(), e.getMessage());
        backOff(attempt);
      }
    }
    if (batch.size() > 1 && attemptsFor(last) == 1) {
      // The database refused something in this batch (it should not: the plan checks first).
      // Find out what, without failing the requests that are fine.
      log.warn(
          "ledger batch of {} failed ({}); applying its requests one by one",
          batch.size(),
          last.getMessage());
      for (Command command : batch) {
        commit(List.of(command));
      }
      return;
    }
    log.error("ledger write of {} request(s) failed: {}", batch.size(), last.getMessage());
    LedgerUnavailableException failure =
        new LedgerUnavailableException("ledger write failed: " + last.getMessage(), last);
    batch.forEach(command -> command.fail(failure));
  }

  private void apply(List<Command> batch) throws SQLException {
    long started = System.nanoTime();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    BatchPlan plan;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        plan = BatchStore.apply(c, batch, now, false);
        if (plan == null) {
          c.rollback();
          plan = BatchStore.apply(c, batch, now, true);
        }
        if (plan == null) {
          throw new SQLException(
              "an idempotency id of this batch was committed by another writer meanwhile", "40001");
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      }
    }
    commitNanos.accept(System.nanoTime() - started);
    batches.incrementAndGet();
    requests.addAndGet(batch.size());
    if (batch.size() > largestBatch) {
      largestBatch = batch.size();
    }
    plan.completions.forEach(Runnable::run);
  }

  /** Waits a little longer after each failed attempt, so two contending writers drift apart. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(attempt * 2L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How often to try a batch that failed with {@code e}: a conflict with another writer is tried
   * again and again; a lost connection twice (the pool already waited for one); anything else, a
   * refusal by the database, once.
   */
  private static int attemptsFor(Exception e) {
    if (!(e instanceof SQLException sql)) {
      return 1;
    }
    String state = sql.getSQLState();
    if (state != null && CONFLICT_STATES.contains(state)) {
      return CONFLICT_ATTEMPTS;
    }
    return state == null || state.startsWith("08") ? 2 : 1;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.debug("rollback failed after a failed batch", e);
    }
  }

  /** Stops taking requests, commits what is queued, and waits for the writer to finish. */
  @Override
  public void close() {
    accepting = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
