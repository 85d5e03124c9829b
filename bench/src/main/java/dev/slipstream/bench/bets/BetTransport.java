package dev.slipstream.bench.bets;

import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.concurrent.CompletableFuture;

/** How the bench's bets reach the shard: over the gateway's live socket, or by a direct call. */
interface BetTransport extends AutoCloseable {
  /** Places {@code bet} as bettor number {@code bettor}; completes with its acknowledgement. */
  CompletableFuture<BetResult> place(int bettor, PlaceBet bet);

  @Override
  void close();
}
