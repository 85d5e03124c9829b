package dev.slipstream.platform.bus;

import dev.slipstream.platform.state.StateStore;
import dev.slipstream.platform.state.StateStores;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The hot state and the event bus that the roles of one deployment share, built together so the
 * composition root picks one backing for both: in-process on one machine, Redis across many.
 * Closing it stops every subscription and closes the connections and threads it owns.
 */
public interface SharedState extends AutoCloseable {

  /** Returns the state store. */
  StateStore state();

  /** Returns the event bus. */
  EventBus bus();

  /** Says what backs this shared state, for start-up logs, e.g. "Redis at 10.0.0.5:6379". */
  String description();

  /**
   * Stops every subscription, then closes connections and threads; calling it again does nothing.
   * The bus refuses later calls, and the store must not be used afterwards.
   */
  @Override
  void close();

  /** Returns shared state that lives in this JVM, on the system clock, with default limits. */
  static SharedState inProcess() {
    return inProcess(InstantSource.system(), BusLimits.defaults());
  }

  /**
   * Returns shared state that lives in this JVM: the default on one machine, and in tests.
   *
   * @param clock the source of time for expiry; tests pass a clock they move by hand
   * @param limits the bus's retention and buffers
   */
  static SharedState inProcess(InstantSource clock, BusLimits limits) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(limits, "limits");
    return new InProcessSharedState(StateStores.inProcess(clock), new InProcessEventBus(limits));
  }

  /**
   * Connects to Redis and returns shared state kept there, so every node pointed at the same Redis
   * and key prefix sees the same state and events.
   *
   * @throws dev.slipstream.platform.state.SharedStateUnavailableException when Redis cannot be
   *     reached, with a message naming where and why
   */
  static SharedState redis(RedisSettings settings, BusLimits limits) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(limits, "limits");
    return RedisSharedState.connect(settings, limits);
  }
}
