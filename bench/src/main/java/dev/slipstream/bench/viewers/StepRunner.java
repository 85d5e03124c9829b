package dev.slipstream.bench.viewers;

import dev.slipstream.bench.MachineCpu;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs one step: grows the fleet to the step's viewer count at the ramp rate, waits for the joins
 * to settle, then samples everything at the start and the end of the measured window.
 */
final class StepRunner {
  private final ViewerFleet fleet;
  private final LoadTarget target;
  private final @Nullable ProcessMeter server;
  private final ViewersOptions options;
  private final LongSupplier nanoTime;
  private final ProcessMeter self = ProcessMeter.self();

  StepRunner(
      ViewerFleet fleet,
      LoadTarget target,
      @Nullable ProcessMeter server,
      ViewersOptions options,
      LongSupplier nanoTime) {
    this.fleet = fleet;
    this.target = target;
    this.server = server;
    this.options = options;
    this.nanoTime = nanoTime;
  }

  /** Adds viewers {@code from} up to {@code viewers} and measures them all. */
  StepResult run(int from, int viewers) throws InterruptedException {
    fleet.growTo(viewers, options.rampPerSecond());
    TimeUnit.MILLISECONDS.sleep(options.settle().toMillis());
    Sample start = sample();
    TimeUnit.MILLISECONDS.sleep(options.duration().toMillis());
    Sample end = sample();
    return StepResult.of(viewers, options.bitrateKbps(), from, start, end);
  }

  private Sample sample() throws InterruptedException {
    ProcessMeter remote = server;
    return new Sample(
        nanoTime.getAsLong(),
        fleet.figures(),
        self.cpuNanos(),
        fleet.receiveCpuNanos(),
        self.rssBytes(),
        target.figures(),
        remote == null ? -1 : remote.cpuNanos(),
        remote == null ? -1 : remote.rssBytes(),
        UdpDrops.total(),
        MachineCpu.now());
  }
}
