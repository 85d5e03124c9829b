package dev.slipstream.markets.sequencer;

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

  /** What the journal's writes cost so far. */
  JournalStats stats();

  /** Writes what is queued, then stops. */
  @Override
  void close();
}
