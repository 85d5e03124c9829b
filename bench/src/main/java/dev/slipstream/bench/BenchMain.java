package dev.slipstream.bench;

import dev.slipstream.bench.latency.LatencyBenchmark;
import dev.slipstream.bench.viewers.ViewersCommand;
import java.util.Arrays;

/**
 * {@code ./slipstream bench <name> [args]}: runs one of Slipstream's benchmarks: {@code jmh} (the
 * JMH micro-benchmarks, JMH's own arguments after it), {@code latency} (glass-to-glass through the
 * real server in Chromium) and {@code viewers} (the WHEP viewer load test); the ledger and fan-out
 * load generators join as the parts they measure land.
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
      case "viewers" ->
          System.exit(ViewersCommand.run(Arrays.asList(rest), System.out, System.err));
      case "--help", "-h", "help" ->
          System.out.println(
              """
              Usage: ./slipstream bench <name> [args]
                jmh [JMH options] [regex]   JMH micro-benchmarks (e.g. jmh -l to list them)
                latency [--duration-s=60]   glass-to-glass: Chromium WHIP -> server -> Chromium WHEP
                viewers [options]           WHEP viewer load test on the SFU (viewers --help)""");
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
