package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The segment being appended to: a preallocated, zero-filled file and the offset where its data
 * ends.
 *
 * <p>A new segment is written full of zeros under a temporary name, forced, renamed, and its folder
 * forced: a segment that recovery can see is always whole, its blocks are really written (so an
 * append's fdatasync flushes data only, never an extent change), and its name survives a crash. The
 * rename also replaces a segment of the same name that holds no records, so an append too large for
 * a fresh segment gets a bigger one in its place.
 */
final class SegmentWriter implements AutoCloseable {
  private final SegmentFile segment;
  private final FileChannel channel;
  private final long capacity;
  private long dataEnd;

  private SegmentWriter(SegmentFile segment, FileChannel channel, long capacity, long dataEnd) {
    this.segment = segment;
    this.channel = channel;
    this.capacity = capacity;
    this.dataEnd = dataEnd;
  }

  /** Creates the segment that starts at {@code firstSeq}, {@code capacity} bytes of zeros. */
  static SegmentWriter create(Path folder, long firstSeq, long capacity) throws IOException {
    Path preallocating = SegmentName.preallocating(folder, firstSeq);
    try (FileChannel zeros =
        FileChannel.open(
            preallocating,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ZeroFill.write(zeros, 0, capacity);
      zeros.force(true);
    }
    return adopt(preallocating, folder, firstSeq, capacity);
  }

  /**
   * Makes {@code zeroed}, a file of {@code capacity} zeros already forced (a {@link SpareSegment}),
   * the segment that starts at {@code firstSeq}.
   */
  static SegmentWriter adopt(Path zeroed, Path folder, long firstSeq, long capacity)
      throws IOException {
    Path file = SegmentName.of(folder, firstSeq);
    Files.move(zeroed, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    FolderSync.force(folder);
    return new SegmentWriter(
        new SegmentFile(firstSeq, file),
        FileChannel.open(file, StandardOpenOption.WRITE),
        capacity,
        0);
  }

  /**
   * Opens the last segment found by recovery to append after its data, first zeroing and forcing
   * its torn tail: the next appends may not cover all of it, and a later recovery must not find
   * those bytes after them.
   */
  static SegmentWriter resume(JournalRecovery.Tail tail) throws IOException {
    SegmentReader.Extent extent = tail.extent();
    FileChannel channel = FileChannel.open(tail.segment().file(), StandardOpenOption.WRITE);
    try {
      if (extent.tornBytes() > 0) {
        ZeroFill.write(channel, extent.dataEnd(), extent.tornEnd());
        channel.force(false);
      }
      return new SegmentWriter(tail.segment(), channel, extent.size(), extent.dataEnd());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  SegmentFile segment() {
    return segment;
  }

  /** Bytes left between the data's end and the end of the file. */
  long room() {
    return capacity - dataEnd;
  }

  boolean holdsRecords() {
    return dataEnd > 0;
  }

  /**
   * Writes {@code encoded} (position to limit) after the data, then fdatasyncs once: the records
   * are durable when this returns.
   */
  void append(ByteBuffer encoded) throws IOException {
    int bytes = encoded.remaining();
    long position = dataEnd;
    while (encoded.hasRemaining()) {
      position += channel.write(encoded, position);
    }
    channel.force(false);
    dataEnd += bytes;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
