package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Where a shard's commands become durable, in the sequencer's order: PostgreSQL with group commit
 * ({@link ShardJournal}), or a local file fsynced per batch and drained to PostgreSQL ({@link
 * LocalBetJournal}). The sequencer calls {@code append} from its one thread.
 */
interface BetJournal extends AutoCloseable {
  /** Queues a command; the future completes with its sequence number once it is durable. */
  CompletableFuture<Long> append(byte[] command);

  /** Queues a standing bet's command with the hold its stake needs. */
  StakeEntry appendBet(byte[] command, HoldRequest stake);

  /**
   * Whether {@code hold} is one of this journal's bet floats that it has not given back (for
   * reconciliation: a float nobody owns is money its wallet cannot use).
   */
  default boolean ownsFloat(Hold hold) {
    return false;
  }

  /** What the journal's writes cost so far. */
  JournalStats stats();

  /** Writes what is queued, then stops. */
  @Override
  void close();
}
