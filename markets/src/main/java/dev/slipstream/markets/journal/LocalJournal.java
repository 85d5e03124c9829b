package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/**
 * An append-only journal in a folder of segment files: a batch of records is durable, and may be
 * acknowledged, once {@link #append} returns, after a single fdatasync. A shard appends its
 * commands here, drains them to PostgreSQL later in big batches, {@link #forgetThrough forgets} the
 * segments PostgreSQL holds, and reads the rest back when it {@link #open opens} the folder after a
 * restart.
 *
 * <p>Records are numbered densely: each seq is the previous one plus one, across appends, segments
 * and restarts. The numbering lets recovery tell a complete journal from one missing records, and
 * the caller resume draining at the first seq PostgreSQL lacks.
 *
 * <p>Segments are named after their first seq ({@link SegmentName}), preallocated full of zeros
 * ({@link SegmentWriter}), and hold records in the {@link RecordFormat}; recovery rules are in
 * {@link SegmentReader} and {@link JournalRecovery}. A new segment starts when a batch no longer
 * fits the current one. Its zeros are written ahead, in the background, as a {@link SpareSegment}:
 * the append that rotates renames the spare into place and starts the next one. Only when the spare
 * is not ready yet (or the batch is larger than a segment) does that append write the zeros itself.
 *
 * <p>Threads: {@link #append}, {@link #startAfter}, {@link #takeRecoveredAfter} and {@link #close}
 * belong to one writer thread, and the journal takes no lock for them. {@link #forgetThrough} may
 * run on one other thread (the drainer) while the writer appends: it only removes the oldest
 * segments, which the writer no longer touches. {@link #lastSeq} and {@link #recovery} may be read
 * from any thread. Do not interrupt the writer: an interrupt closes the file channel it writes to,
 * and the journal then takes no more appends.
 */
public final class LocalJournal implements AutoCloseable {
  /** The largest payload a record may carry: 1 MiB. */
  public static final int MAX_PAYLOAD_BYTES = 1 << 20;

  /** The largest segment, and so the largest batch once encoded: 1 GiB. */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  /** The smallest segment size {@link #open} accepts: 4 KiB. */
  public static final long MIN_SEGMENT_BYTES = 1L << 12;

  private final Path folder;
  private final long segmentBytes;
  private final FolderLock lock;
  private final Recovery recovery;
  private final BatchEncoder encoder = new BatchEncoder();
  private final ConcurrentLinkedDeque<SegmentFile> segments;
  private @Nullable SegmentWriter current;
  private SpareSegment spare;
  private List<JournalRecord> recovered;
  private volatile long lastSeq;
  private @Nullable Exception failure;
  private boolean closed;

  private LocalJournal(
      Path folder,
      long segmentBytes,
      FolderLock lock,
      JournalRecovery.Recovered found,
      @Nullable SegmentWriter current) {
    this.folder = folder;
    this.segmentBytes = segmentBytes;
    this.lock = lock;
    this.recovery = found.recovery();
    this.segments = new ConcurrentLinkedDeque<>(found.segments());
    this.current = current;
    this.spare = SpareSegment.prepare(folder, segmentBytes);
    this.recovered = found.records();
    this.lastSeq = found.recovery().lastSeq();
  }

  /**
   * Opens the journal in {@code folder}, creating the folder if missing, and reads back every
   * record in it.
   *
   * @param segmentBytes the size new segments are preallocated to, between {@link
   *     #MIN_SEGMENT_BYTES} and {@link #MAX_SEGMENT_BYTES}; segments already on disk keep theirs
   * @throws IllegalStateException when another process, or another open journal, holds the folder
   * @throws JournalCorruptException when the folder holds damage that is not a torn last append
   */
  public static LocalJournal open(Path folder, long segmentBytes) throws IOException {
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes is "
              + segmentBytes
              + ", but must be between "
              + MIN_SEGMENT_BYTES
              + " and "
              + MAX_SEGMENT_BYTES);
    }
    Path absolute = folder.toAbsolutePath();
    if (!Files.isDirectory(absolute)) {
      Files.createDirectories(absolute);
      Path parent = absolute.getParent();
      if (parent != null) {
        FolderSync.force(parent);
      }
    }
    FolderLock lock = FolderLock.take(absolute);
    @Nullable SegmentWriter tail = null;
    try {
      JournalRecovery.Recovered found = JournalRecovery.recover(absolute);
      JournalRecovery.Tail lastSegment = found.tail();
      tail = lastSegment == null ? null : SegmentWriter.resume(lastSegment);
      return new LocalJournal(absolute, segmentBytes, lock, found, tail);
    } catch (IOException | RuntimeException e) {
      try (lock) {
        if (tail != null) {
          tail.close();
        }
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** What opening found on disk, for the log. */
  public Recovery recovery() {
    return recovery;
  }

  /** The seq of the last durable record, or where {@link #startAfter} set it; 0 when empty. */
  public long lastSeq() {
    return lastSeq;
  }

  /**
   * Hands over the records read at open whose seq is greater than {@code seq} (0 for all of them),
   * in seq order, and lets go of all of them: a shard reads back hundreds of thousands at start and
   * should not keep them for the journal's lifetime. Later calls return an empty list.
   */
  public List<JournalRecord> takeRecoveredAfter(long seq) {
    List<JournalRecord> all = recovered;
    recovered = List.of();
    if (all.isEmpty() || seq < all.getFirst().seq()) {
      return Collections.unmodifiableList(all);
    }
    int from = (int) Math.min(all.size(), seq - all.getFirst().seq() + 1);
    return List.copyOf(all.subList(from, all.size()));
  }

  /**
   * Makes an empty journal's numbering continue one kept elsewhere: its next record must be {@code
   * seq + 1}. A shard whose entries up to {@code seq} are already in PostgreSQL starts a new or
   * fully drained journal this way.
   *
   * @throws IllegalStateException when the journal holds records, whose numbering is fixed
   */
  public void startAfter(long seq) {
    checkOpen();
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be 0 or more, not " + seq);
    }
    if (!segments.isEmpty()) {
      throw new IllegalStateException(
          "the journal holds records up to seq " + lastSeq + ", so its numbering continues there");
    }
    lastSeq = seq;
  }

  /**
   * Appends {@code batch} and makes it durable with one fdatasync: when this returns, the records
   * survive a crash. A crash before then leaves the batch whole or not at all after recovery, never
   * a part of it. An empty batch writes nothing.
   *
   * <p>When this throws an {@link IOException} the journal takes no more appends: some of the batch
   * may be on disk, torn or whole, and only reopening (recovery) can say which. The caller fails
   * the batch without claiming it was not written.
   *
   * @param batch records numbered {@link #lastSeq()} + 1, + 2, …, payloads of at most {@link
   *     #MAX_PAYLOAD_BYTES}
   * @throws IllegalArgumentException when a seq breaks the numbering or a payload is too large;
   *     nothing is written
   */
  public void append(List<JournalRecord> batch) throws IOException {
    checkOpen();
    if (failure != null) {
      throw new IOException(
          "the journal in " + folder + " failed an append and takes no more: reopen it", failure);
    }
    if (batch.isEmpty()) {
      return;
    }
    long bytes = BatchEncoder.checkedBytes(batch, lastSeq);
    try {
      SegmentWriter writer = writerWithRoomFor(batch.getFirst().seq(), bytes);
      encoder.encode(batch, bytes, writer::append);
    } catch (IOException | RuntimeException e) {
      failure = e;
      throw e;
    }
    lastSeq = batch.getLast().seq();
  }

  /**
   * Deletes the segments whose records all have a seq of at most {@code seq}, once PostgreSQL holds
   * them. The segment being appended to stays, whatever {@code seq} says, so the journal keeps its
   * numbering.
   */
  public void forgetThrough(long seq) throws IOException {
    checkOpen();
    boolean deleted = false;
    while (true) {
      Iterator<SegmentFile> oldestFirst = segments.iterator();
      if (!oldestFirst.hasNext()) {
        break;
      }
      SegmentFile oldest = oldestFirst.next();
      if (!oldestFirst.hasNext() || oldestFirst.next().firstSeq() - 1 > seq) {
        break;
      }
      Files.deleteIfExists(oldest.file());
      segments.pollFirst();
      deleted = true;
    }
    if (deleted) {
      // Deletions out of order after a crash would leave a gap in the numbering.
      FolderSync.force(folder);
    }
  }

  /** Closes the segment being written and releases the folder for another process. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (lock) {
      try {
        if (current != null) {
          current.close();
        }
      } finally {
        spare.close();
      }
    }
  }

  private SegmentWriter writerWithRoomFor(long firstSeq, long bytes) throws IOException {
    SegmentWriter writer = current;
    if (writer != null && writer.room() >= bytes) {
      return writer;
    }
    if (writer != null) {
      current = null;
      writer.close();
    }
    SegmentWriter created;
    Path zeroed = spare.takeIfReady(bytes);
    if (zeroed != null) {
      created = SegmentWriter.adopt(zeroed, folder, firstSeq, spare.bytes());
      spare = SpareSegment.prepare(folder, segmentBytes);
    } else {
      created = SegmentWriter.create(folder, firstSeq, Math.max(segmentBytes, bytes));
    }
    current = created;
    if (writer == null || writer.holdsRecords()) {
      segments.addLast(created.segment());
    }
    return created;
  }

  /** Whether the next segment's zeros are ready in the background (for tests). */
  boolean spareReady() {
    return spare.ready();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the journal in " + folder + " is closed");
    }
  }
}
