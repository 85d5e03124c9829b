package dev.slipstream.bench;

import dev.slipstream.bench.bets.BetsBenchmark;
import dev.slipstream.bench.fanout.FanoutBenchmark;
import dev.slipstream.bench.latency.LatencyBenchmark;
import dev.slipstream.bench.ledger.LedgerBenchmark;
import dev.slipstream.bench.suspend.SuspendBenchmark;
import dev.slipstream.bench.viewers.ViewersCommand;
import dev.slipstream.bench.vision.VisionBenchmark;
import java.util.Arrays;

/**
 * {@code ./slipstream bench <name> [args]}: runs one of Slipstream's benchmarks: {@code jmh} (the
 * JMH micro-benchmarks, JMH's own arguments after it), {@code latency} (glass-to-glass through the
 * real server in Chromium), {@code viewers} (the WHEP viewer load test), {@code ledger} (ledger
 * transfers per second and commit latency on PostgreSQL) {@code vision} (the vision pipeline on a
 * real and a synthetic clip) and {@code fanout} (odds updates to N live-socket subscribers beside
 * plain TCP) and {@code suspend} (a deciding analytics frame until its market is suspended on the
 * shard and on the bus).
 */
public final class BenchMain {
  private BenchMain() {}

  /** Runs the named benchmark. */
  public static void main(String[] args) throws Exception {
    String name = args.length == 0 ? "--help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (name) {
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      case "latency" -> LatencyBenchmark.main(rest);
      case "ledger" -> LedgerBenchmark.main(rest);
      case "bets" -> BetsBenchmark.main(rest);
      case "viewers" ->
          System.exit(ViewersCommand.run(Arrays.asList(rest), System.out, System.err));
      case "fanout" ->
          System.exit(FanoutBenchmark.run(Arrays.asList(rest), System.out, System.err));
      case "suspend" ->
          System.exit(SuspendBenchmark.run(Arrays.asList(rest), System.out, System.err));
      case "vision" ->
          System.exit(VisionBenchmark.run(Arrays.asList(rest), System.out, System.err));
      case "rest" ->
          System.exit(
              dev.slipstream.bench.rest.RestBenchmark.run(
                  Arrays.asList(rest), System.out, System.err));
      case "--help", "-h", "help" ->
          System.out.println(
              """
              Usage: ./slipstream bench <name> [args]
                jmh [JMH options] [regex]   JMH micro-benchmarks (e.g. jmh -l to list them)
                latency [--source=browser|rtmp|srt|whip] [--duration-s=60]
                                            glass-to-glass: sender -> server -> Chromium WHEP
                viewers [options]           WHEP viewer load test on the SFU (viewers --help)
                ledger [options]            ledger transfers/s and commit latency on PostgreSQL (ledger --help)
                bets [--rate=5000] [--duration-s=20] [--bettors=1000] [--transport=socket|direct] [--timeline]
                                            bets over the live WebSocket to a durable ack, latency
                vision [clip] [options]     vision pipeline on a real clip and the synthetic scene
                fanout [--sizes=1000,5000,10000] [--rate=20] [--duration-s=10]
                                            odds updates to N live-socket subscribers vs plain TCP
                suspend [--streams=10] [--duration-s=60] [--speedup=2]
                                            deciding analytics frame -> market suspended (shard, bus)
                rest [--duration-s=10] [--connections=32] [--limit=100] [--redis=redis://...]
                                            wrk on GET /api/streams; then a flood, rate-limited""");
      default -> {
        System.err.println(
            "slipstream bench: unknown benchmark "
                + name
                + ": ./slipstream bench --help lists them");
        System.exit(2);
      }
    }
  }
}
