package dev.slipstream.platform.bus;

/** Receives what a topic subscription delivers, one signal at a time, in offset order. */
@FunctionalInterface
public interface TopicListener {

  /**
   * Handles the next event, or the notice that events the subscription had not yet delivered were
   * trimmed. Called on the subscription's own thread, never concurrently with itself.
   */
  void onSignal(TopicSignal signal);
}
