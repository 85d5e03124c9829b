package dev.slipstream.ledger.payments;

import dev.slipstream.platform.state.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler that runs nothing until the test moves its clock and calls {@link #runDue()}. */
final class ManualScheduler implements SandboxScheduler {
  private record Task(Instant due, long order, Runnable work) {}

  private final SettableClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long next;

  ManualScheduler(SettableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(clock.instant().plus(delay), next++, task));
  }

  /** Runs every task due by the clock's time, including ones those tasks schedule, in due order. */
  void runDue() {
    while (true) {
      Task task;
      synchronized (this) {
        task =
            tasks.stream()
                .filter(t -> !t.due().isAfter(clock.instant()))
                .min(Comparator.comparing(Task::due).thenComparingLong(Task::order))
                .orElse(null);
        if (task == null) {
          return;
        }
        tasks.remove(task);
      }
      task.work().run();
    }
  }

  synchronized int pending() {
    return tasks.size();
  }
}
