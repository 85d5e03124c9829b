package dev.slipstream.gateway;

import dev.slipstream.ledger.payments.SandboxScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's delayed work, run when the test says: tasks wait in order and {@link #runAll} runs
 * every one waiting (including any they schedule, up to a bound), so nothing waits on real time.
 */
final class TestScheduler implements SandboxScheduler {
  private final List<Runnable> waiting = new ArrayList<>();

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    waiting.add(task);
  }

  /** Runs what is waiting, and what that schedules, at most {@code rounds} times over. */
  void runAll(int rounds) {
    for (int i = 0; i < rounds; i++) {
      List<Runnable> due;
      synchronized (this) {
        if (waiting.isEmpty()) {
          return;
        }
        due = new ArrayList<>(waiting);
        waiting.clear();
      }
      due.forEach(Runnable::run);
    }
  }

  /** Runs what is waiting now, nothing it schedules. */
  void runAll() {
    runAll(1);
  }
}
