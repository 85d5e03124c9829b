package dev.slipstream.markets.journal;

/**
 * One journaled entry: its place in the journal's dense numbering and the caller's bytes.
 *
 * <p>The payload is neither copied nor defensively guarded: a shard appends tens of thousands of
 * these a second and reads back hundreds of thousands at start, so the array is handed over as is
 * and must not be changed afterwards.
 *
 * @param seq the entry's number; each appended entry is the previous one plus one
 * @param payload the entry's bytes, at most {@link LocalJournal#MAX_PAYLOAD_BYTES}
 */
public record JournalRecord(long seq, byte[] payload) {}
