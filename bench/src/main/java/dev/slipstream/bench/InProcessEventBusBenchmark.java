package dev.slipstream.bench;

import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.platform.bus.TopicRead;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process event bus on the one-machine path: appending an analytics-frame-sized event to a
 * stream's topic, and replaying the latest 32 events (what a reconnecting viewer asks for).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InProcessEventBusBenchmark {
  private static final String TOPIC = "stream.str_benchmark00000000.analytics";
  private SharedState shared;
  private final byte[] payload = new byte[1_400];

  /** Opens the bus and fills the topic so replays have something to read. */
  @Setup
  public void open() {
    shared = SharedState.inProcess(InstantSource.system(), BusLimits.defaults());
    for (int i = 0; i < 1_000; i++) {
      shared.bus().append(TOPIC, payload);
    }
  }

  /** Closes the bus. */
  @TearDown
  public void close() {
    shared.close();
  }

  /** Appends one event. */
  @Benchmark
  public long append() {
    return shared.bus().append(TOPIC, payload);
  }

  /** Replays the newest 32 events. */
  @Benchmark
  public TopicRead replayLatest32() {
    long latest = shared.bus().latestOffset(TOPIC);
    return shared.bus().read(TOPIC, Math.max(1, latest - 31), 32);
  }
}
