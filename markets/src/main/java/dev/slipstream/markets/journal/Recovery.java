package dev.slipstream.markets.journal;

/**
 * What opening a journal found on disk, for the caller to log: a non-zero {@code tornBytesDropped}
 * means the process stopped in the middle of an append that was never acknowledged.
 *
 * @param segments segment files read
 * @param records records read back, all of them valid and numbered without gaps
 * @param firstSeq the first record's seq, 0 when there are none
 * @param lastSeq the last record's seq, 0 when there are none
 * @param dataBytes bytes of valid records
 * @param tornBytesDropped bytes of an unfinished append at the end of the last segment, zeroed out
 *     on disk so that no later recovery sees them again
 */
public record Recovery(
    int segments,
    long records,
    long firstSeq,
    long lastSeq,
    long dataBytes,
    long tornBytesDropped) {}
