package dev.slipstream.platform.bus;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subscription on its own virtual thread, so a slow or throwing listener only ever delays
 * itself.
 *
 * <p>Design: the loop repeatedly runs a {@link Step}, which pulls whatever is ready (a batch read
 * from a topic, messages waiting in a channel buffer) and hands it to the listener through {@link
 * #deliver}. When a step finds nothing, the thread parks. Producers call {@link #wake()}, which
 * sets a {@code wakeRequested} flag and then unparks the thread. The loop clears the flag before
 * each step and parks only while it is still clear, so a wake-up that arrives during a step (for
 * example while a Redis read is in flight) makes the loop look again instead of sleeping. The flag,
 * not the thread's park permit, carries the wake-up: the permit alone is not enough because any
 * blocking call inside the step or the listener (a lock, a Redis future) parks the same thread and
 * may consume it. The park also has a timeout, the safety net for wake-ups that cannot be
 * guaranteed (a Redis Pub/Sub notification lost while reconnecting).
 *
 * <p>A listener's exception is caught per delivery and logged (the first at WARN, later ones at
 * DEBUG), and the loop goes on with the next item. A failing step (the backing store is
 * unreachable) is retried with exponential back-off capped at two seconds.
 *
 * <p>Closing sets a flag that is checked before every delivery, wakes the thread and waits up to
 * {@link #CLOSE_WAIT} for it to finish, so once {@link #close()} returns no further delivery
 * starts. Closing from inside the listener does not wait, since it would wait on itself.
 */
final class DeliveryLoop implements Subscription {
  private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  /** One round of work; returns whether it delivered anything (false lets the loop park). */
  @FunctionalInterface
  interface Step {
    boolean runOnce(DeliveryLoop loop);
  }

  private final String name;
  private final long idleParkNanos;
  private final Step step;
  private final Thread thread;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean wakeRequested = new AtomicBoolean();
  private volatile boolean closed;
  private volatile Runnable onClose = () -> {};
  private long listenerFailures;

  /**
   * Prepares the loop without starting it, so it can be registered with its producers first.
   *
   * @param name what the subscription follows, for thread names and logs, e.g. "topic odds.42"
   * @param idlePoll the longest park when no wake-up comes
   */
  DeliveryLoop(String name, Duration idlePoll, Step step) {
    this.name = name;
    this.idleParkNanos = idlePoll.toNanos();
    this.step = step;
    this.thread = Thread.ofVirtual().name("slipstream-bus " + name).unstarted(this::run);
  }

  /** Starts delivering; {@code onClose} runs once when the subscription closes. */
  void start(Runnable onClose) {
    this.onClose = onClose;
    thread.start();
  }

  /** Makes the loop look for new work now; cheap and safe from any thread, also event loops. */
  void wake() {
    if (!wakeRequested.getAndSet(true)) {
      LockSupport.unpark(thread);
    }
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Hands one item to the listener unless the subscription is closed, containing any exception.
   *
   * @return false when the subscription is closed and the item was not delivered
   */
  boolean deliver(Runnable listenerCall) {
    if (closed) {
      return false;
    }
    try {
      listenerCall.run();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      listenerFailures++;
      if (listenerFailures == 1) {
        log.warn("listener of {} threw; it keeps receiving the next items", name, e);
      } else {
        log.debug("listener of {} threw again ({} times so far)", name, listenerFailures, e);
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    try {
      onClose.run();
    } catch (RuntimeException e) {
      log.debug("unregistering {} failed", name, e);
    }
    wakeRequested.set(true);
    LockSupport.unpark(thread);
    if (Thread.currentThread() == thread || !thread.isAlive()) {
      return;
    }
    try {
      if (!thread.join(CLOSE_WAIT)) {
        log.warn(
            "listener of {} still busy {} after close; no further items go to it",
            name,
            CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    int failures = 0;
    while (!closed) {
      wakeRequested.set(false);
      boolean progressed;
      try {
        progressed = step.runOnce(this);
      } catch (RuntimeException e) {
        failures++;
        if (failures == 1) {
          log.warn("{} cannot fetch events ({}); retrying", name, e.getMessage());
        }
        long backoff = Math.min(MAX_BACKOFF_MILLIS, 50L << Math.min(failures, 6));
        LockSupport.parkNanos(this, Duration.ofMillis(backoff).toNanos());
        continue;
      }
      if (failures > 0) {
        log.info("{} fetches events again after {} failed attempts", name, failures);
        failures = 0;
      }
      if (!progressed) {
        parkUntilWoken();
      }
    }
  }

  private void parkUntilWoken() {
    long deadline = System.nanoTime() + idleParkNanos;
    long remaining = idleParkNanos;
    while (!wakeRequested.get() && !closed && remaining > 0) {
      LockSupport.parkNanos(this, remaining);
      remaining = deadline - System.nanoTime();
    }
  }
}
