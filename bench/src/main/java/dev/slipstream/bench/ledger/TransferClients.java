package dev.slipstream.bench.ledger;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.PostRequest;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.ledger.WriterStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's load: one virtual thread per client, each submitting a request and waiting for
 * its commit before the next (a closed loop, so throughput is what the ledger sustains, not what a
 * queue absorbs). Latency is submit to acknowledged commit, recorded per request only inside the
 * measured window.
 */
final class TransferClients {
  private final Ledger ledger;
  private final long[] wallets;
  private final long escrow;
  private final LedgerBenchOptions options;
  private final AtomicReference<WriterStats> atStart = new AtomicReference<>();

  TransferClients(Ledger ledger, long[] wallets, long escrow, LedgerBenchOptions options) {
    this.ledger = ledger;
    this.wallets = wallets;
    this.escrow = escrow;
    this.options = options;
  }

  /**
   * What the clients measured.
   *
   * @param latency submit-to-commit nanoseconds of every request in the window
   * @param completed requests done in the window
   * @param refused requests refused in the window (e.g. insufficient funds)
   * @param failed requests that failed with an exception, in the whole run
   * @param seconds the window's length
   * @param writerAtStart the writer's figures when the window opened
   */
  record Result(
      Histogram latency,
      long completed,
      long refused,
      long failed,
      double seconds,
      WriterStats writerAtStart) {}

  Result run() throws InterruptedException {
    long begin = System.nanoTime();
    long start = begin + Duration.ofSeconds(options.warmupSeconds()).toNanos();
    long end = start + Duration.ofSeconds(options.durationSeconds()).toNanos();
    List<Client> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < options.clients(); i++) {
      Client client = new Client(new SplittableRandom(1_000L + i), start, end);
      clients.add(client);
      threads.add(Thread.ofVirtual().name("ledger-client-" + i).start(client));
    }
    Thread.sleep(Math.max(0, (start - System.nanoTime()) / 1_000_000));
    atStart.set(ledger.writerStats());
    for (Thread thread : threads) {
      thread.join();
    }
    Histogram all = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
    long completed = 0;
    long refused = 0;
    long failed = 0;
    for (Client client : clients) {
      all.add(client.latency);
      completed += client.completed;
      refused += client.refused;
      failed += client.failed;
    }
    return new Result(all, completed, refused, failed, (end - start) / 1e9, atStart.get());
  }

  private final class Client implements Runnable {
    private final SplittableRandom random;
    private final long start;
    private final long end;
    final Histogram latency = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
    long completed;
    long refused;
    long failed;

    Client(SplittableRandom random, long start, long end) {
      this.random = random;
      this.start = start;
      this.end = end;
    }

    @Override
    public void run() {
      while (System.nanoTime() < end) {
        try {
          if (random.nextInt(100) < options.betShare()) {
            bet();
          } else {
            transfer();
          }
        } catch (RuntimeException e) {
          failed++;
        }
      }
    }

    private void transfer() {
      int from = random.nextInt(wallets.length);
      int to = random.nextInt(wallets.length - 1);
      if (to >= from) {
        to++;
      }
      TransferRequest request =
          TransferRequest.of(
              newId(),
              wallets[from],
              wallets[to],
              1 + random.nextInt(1_000),
              "EUR",
              TransferKind.TRANSFER);
      timed(ledger.submit(request), System.nanoTime());
    }

    private void bet() {
      long wallet = wallets[random.nextInt(wallets.length)];
      HoldRequest stake =
          new HoldRequest(
              newId(),
              wallet,
              escrow,
              1 + random.nextInt(1_000),
              "EUR",
              TransferKind.STAKE,
              Duration.ofMinutes(1),
              null);
      Outcome<Hold> held = timed(ledger.submitHold(stake), System.nanoTime());
      if (held instanceof Outcome.Done<Hold> done) {
        timed(ledger.submitPost(PostRequest.full(newId(), done.value().id())), System.nanoTime());
      }
    }

    /**
     * A random version-4 UUID from this client's own generator: ids are the client's to choose, and
     * the JDK's {@code UUID.randomUUID()} would serialise every client on one SecureRandom.
     */
    private UUID newId() {
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low);
    }

    private <T> Outcome<T> timed(CompletableFuture<Outcome<T>> future, long sent) {
      Outcome<T> outcome = future.join();
      long done = System.nanoTime();
      if (sent >= start && done <= end) {
        latency.recordValue(Math.min(done - sent, latency.getHighestTrackableValue()));
        if (outcome instanceof Outcome.Done<T>) {
          completed++;
        } else {
          refused++;
        }
      }
      return outcome;
    }
  }
}
