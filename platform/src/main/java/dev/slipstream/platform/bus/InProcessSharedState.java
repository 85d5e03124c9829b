package dev.slipstream.platform.bus;

import dev.slipstream.platform.state.StateStore;

/** The in-process state store and event bus; closing stops the bus's delivery threads. */
record InProcessSharedState(StateStore state, InProcessEventBus bus) implements SharedState {

  @Override
  public String description() {
    return "in-process state and event bus";
  }

  @Override
  public void close() {
    bus.close();
  }
}
