package dev.slipstream.gateway.live;

import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.concurrent.CompletableFuture;

/**
 * Where the gateway sends a bet: in one process, the bet shard's {@code BetSequencer::place}. The
 * bet arrives with the caller's wallet already filled in; the future completes once the decision is
 * durable.
 */
@FunctionalInterface
public interface BetPlacement {
  /** Submits {@code bet} and returns its eventual result. */
  CompletableFuture<BetResult> place(PlaceBet bet);
}
