package dev.slipstream.bench;

import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.markets.engine.BetEngine;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One market shard's single writer deciding bet commands with every risk check on (market state,
 * suspension point, currency, stake limit scaled by confidence, price version, liability cap,
 * per-account token bucket): 64 markets, 10,000 accounts, one command in ten refused for a stale
 * price or a bad stake. A fresh engine each iteration keeps the standing bets of one second.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
public class BetEngineBenchmark {
  private static final int MARKETS = 64;
  private static final int COMMANDS = 1 << 16;
  private final PlaceBet[] commands = new PlaceBet[COMMANDS];
  private BetEngine engine;
  private int next;
  private long nanos;

  /** Makes the commands once. */
  @Setup(Level.Trial)
  public void commands() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < COMMANDS; i++) {
      boolean bad = random.nextInt(10) == 0;
      commands[i] =
          PlaceBet.newBuilder()
              .setRequestId("r" + i)
              .setAccountId("a" + random.nextInt(10_000))
              .setMarketId("m" + random.nextInt(MARKETS))
              .setSelectionId(random.nextBoolean() ? "yes" : "no")
              .setStakeMinor(bad && random.nextBoolean() ? 0 : random.nextLong(10, 5_000))
              .setCurrency("EUR")
              .setPriceVersionSeen(bad ? 0 : 1)
              .setDecimalOddsBpSeen(20_000)
              .setMediaTimeUs(1_000_000)
              .build();
    }
  }

  /** A fresh shard with its markets open. */
  @Setup(Level.Iteration)
  public void shard() {
    engine = new BetEngine("bench");
    RiskLimits limits = new RiskLimits(10, 50_000, Long.MAX_VALUE / 4, 1e9, 1_000_000);
    for (int m = 0; m < MARKETS; m++) {
      engine.open("m" + m, "str", "EUR", List.of("yes", "no"), new int[] {20_000, 20_000}, limits);
    }
  }

  /** Decides one bet command. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public BetDecision throughput() {
    return place();
  }

  /** The same, timed one by one for the latency distribution. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public BetDecision latency() {
    return place();
  }

  private BetDecision place() {
    PlaceBet command = commands[next++ & (COMMANDS - 1)];
    nanos += 1_000;
    return engine.place(command, nanos);
  }
}
