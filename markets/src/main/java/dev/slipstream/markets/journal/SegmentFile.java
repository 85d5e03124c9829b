package dev.slipstream.markets.journal;

import java.nio.file.Path;

/**
 * A segment on disk: its file, and the seq of its first record, which names it.
 *
 * @param firstSeq the seq of the segment's first record
 * @param file the segment's file
 */
record SegmentFile(long firstSeq, Path file) {}
