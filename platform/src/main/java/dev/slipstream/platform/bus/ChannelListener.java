package dev.slipstream.platform.bus;

/** Receives the messages published on one channel. */
@FunctionalInterface
public interface ChannelListener {

  /** Handles one message; called on the subscription's own thread, never concurrently. */
  void onMessage(ChannelMessage message);
}
