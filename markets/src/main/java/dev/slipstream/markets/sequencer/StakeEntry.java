package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.Outcome;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A standing bet's journal entry and its stake, as three moments.
 *
 * @param durable completes with the entry's sequence number once it is journaled
 * @param covered completes once the stake is certain: {@link Outcome.Done} when it is held (in the
 *     journal's own commit) or drawn from the shard's float on the wallet, {@link Outcome.Refused}
 *     when the wallet cannot cover it, null when the wallet has limits or a break on record and the
 *     stake must take the checked path; the bet may be answered once this and {@code durable} have
 *     completed
 * @param held completes with the stake's hold in the ledger (with the same refusal, or null for the
 *     checked path): at once after the commit when the journal is PostgreSQL, after the next drain
 *     when the stake was drawn from a float
 */
record StakeEntry(
    CompletableFuture<Long> durable,
    CompletableFuture<@Nullable Outcome<?>> covered,
    CompletableFuture<@Nullable Outcome<Hold>> held) {

  /** An entry whose futures have not completed yet. */
  static StakeEntry open() {
    return new StakeEntry(
        new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
  }

  /** Fails every moment still to come with {@code failure}. */
  void fail(Throwable failure) {
    durable.completeExceptionally(failure);
    covered.completeExceptionally(failure);
    held.completeExceptionally(failure);
  }
}
