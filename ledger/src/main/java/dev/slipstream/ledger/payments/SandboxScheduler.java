package dev.slipstream.ledger.payments;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sandbox's delayed work (confirmations, chargebacks, redeliveries). Production uses a
 * scheduler thread; tests pass one driven by their own clock, so nothing waits on real time.
 */
@FunctionalInterface
public interface SandboxScheduler {

  /** Runs {@code task} once, {@code delay} from now. */
  void schedule(Duration delay, Runnable task);

  /** Returns a scheduler that runs tasks on {@code executor}. */
  static SandboxScheduler on(ScheduledExecutorService executor) {
    return (delay, task) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
