package dev.slipstream.bench.bets;

import dev.slipstream.bench.MachineCpu;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.markets.sequencer.JournalStats;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code ./slipstream bench bets}: bets placed at a fixed rate by many bettors over the gateway's
 * live WebSocket (one socket each, binary protobuf), against the platform started in this process
 * with a durable embedded PostgreSQL (fsync and {@code synchronous_commit} on, as the server runs).
 * Each bet is acknowledged only once its journal entry and its stake hold are committed (after the
 * bettor's limits are screened). Open loop: bets are sent on schedule whether or not earlier ones
 * were answered, so queueing shows in the latency, measured from each bet's due time to its {@code
 * bet_result}, after a warm-up at the same rate that is reported apart (the JIT compiling the path
 * and the tables and maps growing to their working size cost the first seconds hundreds of
 * milliseconds on two cores). Once a second a market is suspended and the time until that
 * suspension is journaled is measured too. {@code --transport=direct} calls the shard instead of
 * the socket, to show what the gateway adds. Ends with {@code bets: rate=… p50=… p99=… max=… ms
 * rejected=… suspend_p99=… ms}.
 */
public final class BetsBenchmark {
  private static final int MARKETS = 50;

  private BetsBenchmark() {}

  /**
   * Runs with {@code --rate=N} (bets a second, default 5000), {@code --duration-s=N} (20), {@code
   * --warmup-s=N} (10: bets placed at the same rate first and not counted, while the JIT compiles
   * the path and the tables and maps reach their working size), {@code --bettors=N} (1000), {@code
   * --transport=socket|direct} (socket), {@code --journal=postgres|local} (postgres: where bets
   * become durable, as the server's {@code bets.journal}) and {@code --timeline} (also print p50,
   * p99 and max for each second of the measured part, by when the bets were due: where the slow
   * ones cluster).
   */
  public static void main(String[] args) throws Exception {
    int rate = 5_000;
    int duration = 20;
    int warmUp = 10;
    int bettors = 1_000;
    boolean socket = true;
    boolean timeline = false;
    boolean localJournal = false;
    for (String arg : args) {
      if (arg.startsWith("--rate=")) {
        rate = Integer.parseInt(arg.substring("--rate=".length()));
      } else if (arg.startsWith("--duration-s=")) {
        duration = Integer.parseInt(arg.substring("--duration-s=".length()));
      } else if (arg.startsWith("--warmup-s=")) {
        warmUp = Integer.parseInt(arg.substring("--warmup-s=".length()));
      } else if (arg.startsWith("--bettors=")) {
        bettors = Integer.parseInt(arg.substring("--bettors=".length()));
      } else if (arg.equals("--transport=socket") || arg.equals("--transport=direct")) {
        socket = arg.endsWith("socket");
      } else if (arg.equals("--journal=postgres") || arg.equals("--journal=local")) {
        localJournal = arg.endsWith("local");
      } else if (arg.equals("--timeline")) {
        timeline = true;
      } else {
        System.err.println(
            "slipstream bench bets: unknown option "
                + arg
                + " (--rate=N, --duration-s=N, --warmup-s=N, --bettors=N,"
                + " --transport=socket|direct, --journal=postgres|local, --timeline)");
        System.exit(2);
      }
    }
    run(rate, duration, warmUp, bettors, socket, localJournal, timeline, System.out);
  }

  static void run(
      int rate,
      int duration,
      int warmUp,
      int bettorCount,
      boolean socket,
      boolean localJournal,
      boolean timeline,
      PrintStream out)
      throws Exception {
    List<String> markets = new ArrayList<>();
    for (int m = 0; m < MARKETS; m++) {
      markets.add("m" + m);
    }
    try (BetPlatform platform = BetPlatform.start(bettorCount, markets, localJournal)) {
      out.println(
          "database: "
              + platform.db.description()
              + " (fsync and synchronous_commit on); journal: "
              + (localJournal
                  ? "local file, fsynced per batch, drained to PostgreSQL"
                  : "PostgreSQL")
              + "; "
              + bettorCount
              + " bettors, "
              + MARKETS
              + " open markets; transport: "
              + (socket ? "gateway WebSocket " + platform.baseUri + "/api/live" : "direct"));
      try (BetTransport transport =
          socket
              ? new SocketBettors(platform.baseUri, platform.bettors)
              : direct(platform.shard, platform.bettors)) {
        long walBefore = WriteAheadLog.position(platform.db.dataSource());
        measure(platform.shard, transport, bettorCount, rate, duration, warmUp, timeline, out);
        long walBytes = WriteAheadLog.position(platform.db.dataSource()) - walBefore;
        out.printf(
            Locale.ROOT,
            "write-ahead log: %.1f MB written (%.2f MB/s)%n",
            walBytes / 1e6,
            walBytes / 1e6 / (duration + warmUp));
      }
      ReconciliationReport report = platform.reconcile();
      out.println(
          "reconciliation: "
              + (report.clean() ? "clean" : "DISCREPANCIES " + report.discrepancies()));
    }
  }

  /** The shard called directly, staking from the bettor's wallet as the gateway would. */
  private static BetTransport direct(BetSequencer shard, List<BetPlatform.Bettor> bettors) {
    return new BetTransport() {
      @Override
      public CompletableFuture<BetResult> place(int bettor, PlaceBet bet) {
        return shard.place(
            bet.toBuilder().setAccountId(Long.toString(bettors.get(bettor).wallet())).build());
      }

      @Override
      public void close() {}
    };
  }

  private static void measure(
      BetSequencer shard,
      BetTransport transport,
      int bettors,
      int rate,
      int duration,
      int warmUp,
      boolean timeline,
      PrintStream out) {
    Recorder latency = new Recorder(3);
    Histogram[] bySecond = new Histogram[timeline ? duration : 0];
    for (int second = 0; second < bySecond.length; second++) {
      bySecond[second] = new Histogram(3);
    }
    Recorder suspend = new Recorder(3);
    AtomicLong rejected = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    SplittableRandom random = new SplittableRandom(1);
    long interval = 1_000_000_000L / rate;
    Recorder warming = new Recorder(3);
    long warmUpBets = (long) rate * warmUp;
    long total = (long) rate * (duration + warmUp);
    JournalStats before = null;
    MachineCpu cpuBefore = MachineCpu.now();
    long start = System.nanoTime();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    int nextSuspension = 0;
    int pruneAt = 10_000;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      boolean measured = i >= warmUpBets;
      long index = i;
      if (i == warmUpBets) {
        before = shard.journalStats();
        cpuBefore = MachineCpu.now();
      }
      PlaceBet bet =
          PlaceBet.newBuilder()
              .setRequestId("b" + i)
              .setMarketId("m" + random.nextInt(MARKETS))
              .setSelectionId(random.nextBoolean() ? "yes" : "no")
              .setStakeMinor(random.nextLong(100, 2_000))
              .setCurrency("EUR")
              .setPriceVersionSeen(1)
              .setDecimalOddsBpSeen(20_000)
              .setMediaTimeUs(1_000_000)
              .build();
      pending.add(
          transport
              .place(random.nextInt(bettors), bet)
              .whenComplete(
                  (r, failure) -> {
                    if (failure != null) {
                      failed.incrementAndGet();
                      return;
                    }
                    long micros = (System.nanoTime() - due) / 1_000;
                    (measured ? latency : warming).recordValue(micros);
                    if (measured && timeline) {
                      Histogram second = bySecond[(int) ((index - warmUpBets) / rate)];
                      synchronized (second) {
                        second.recordValue(micros);
                      }
                    }
                    if (r.getStatus() == BetStatus.BET_STATUS_ACCEPTED) {
                      accepted.incrementAndGet();
                    } else {
                      rejected.incrementAndGet();
                    }
                  }));
      if (measured && i % rate == 0) {
        // A deciding moment once a second: time until the suspension is journaled.
        String market = "m" + (nextSuspension++ % MARKETS);
        long sent = System.nanoTime();
        pending.add(
            shard
                .submit(new EngineCommand.Suspend(market, Long.MAX_VALUE - 1))
                .thenRun(() -> suspend.recordValue((System.nanoTime() - sent) / 1_000))
                .thenCompose(ignored -> shard.submit(new EngineCommand.Reopen(market))));
      }
      if (pending.size() > pruneAt) {
        // Amortised: a scan only after the list doubled, so a server that falls behind (many
        // answers outstanding) does not also cost the generator a full scan per bet.
        pending.removeIf(CompletableFuture::isDone);
        pruneAt = Math.max(10_000, 2 * pending.size());
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
    MachineCpu cpuAfter = MachineCpu.now();
    double seconds = (System.nanoTime() - start) / 1e9;
    var h = latency.getIntervalHistogram();
    var w = warming.getIntervalHistogram();
    var s = suspend.getIntervalHistogram();
    JournalStats after = shard.journalStats();
    long batches = after.batches() - (before == null ? 0 : before.batches());
    long entries = after.entries() - (before == null ? 0 : before.entries());
    out.printf(
        Locale.ROOT,
        "placed %d bets in %.1f s (%d accepted, %d rejected, %d failed); measured part:"
            + " %d journal batches of %.1f entries on average, commit mean %.2f ms max %.2f ms,"
            + " %d retries%n",
        total,
        seconds,
        accepted.get(),
        rejected.get(),
        failed.get(),
        batches,
        batches == 0 ? 0.0 : (double) entries / batches,
        after.meanCommitNanos() / 1e6,
        after.maxCommitNanos() / 1e6,
        after.retries());
    out.printf(Locale.ROOT, "warm-up (%d s, not counted): %s ms%n", warmUp, percentiles(w));
    if (timeline) {
      for (int second = 0; second < duration; second++) {
        out.printf(Locale.ROOT, "second %d: %s ms%n", second, percentiles(bySecond[second]));
      }
    }
    long measuredBets = total - warmUpBets;
    out.printf(
        Locale.ROOT,
        "machine, measured part (generator, server and PostgreSQL together): %.0f %% busy of %d"
            + " cores, %.0f µs of CPU and %.1f context switches a bet%n",
        cpuAfter.percentSince(cpuBefore),
        Runtime.getRuntime().availableProcessors(),
        cpuAfter.busyMicrosSince(cpuBefore) / measuredBets,
        (double) cpuAfter.contextSwitchesSince(cpuBefore) / measuredBets);
    out.printf(
        Locale.ROOT,
        "bets: rate=%d %s ms rejected=%d suspend_p99=%.2f ms%n",
        rate,
        percentiles(h),
        rejected.get() + failed.get(),
        s.getValueAtPercentile(99) / 1000.0);
  }

  /** {@code p50=… p99=… max=…} in milliseconds, of a histogram of microseconds. */
  private static String percentiles(Histogram micros) {
    return String.format(
        Locale.ROOT,
        "p50=%.2f p99=%.2f max=%.2f",
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0,
        micros.getMaxValue() / 1000.0);
  }
}
