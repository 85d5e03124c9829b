package dev.slipstream.markets.sequencer;

/**
 * What a shard's journal commits cost so far.
 *
 * @param batches transactions committed
 * @param entries commands journaled
 * @param retries batches run again after a conflict or a lost connection
 * @param meanCommitNanos mean time to write and commit one batch
 * @param maxCommitNanos longest time to write and commit one batch
 */
public record JournalStats(
    long batches, long entries, long retries, long meanCommitNanos, long maxCommitNanos) {}
