package dev.slipstream.platform.bus;

/** A listener's registration with the {@link EventBus}; closing it stops delivery. */
public interface Subscription extends AutoCloseable {

  /**
   * Stops delivery: once this returns no further event or message is handed to the listener. It
   * waits up to a few seconds for a delivery in progress to return, does not wait when called from
   * the listener itself, and does nothing when called again.
   */
  @Override
  void close();
}
