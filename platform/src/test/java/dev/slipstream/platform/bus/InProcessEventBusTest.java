package dev.slipstream.platform.bus;

import java.time.InstantSource;

/** Runs the event bus contract on the in-process bus. */
class InProcessEventBusTest extends EventBusContract {

  @Override
  protected SharedState open(BusLimits limits) {
    return SharedState.inProcess(InstantSource.system(), limits);
  }
}
