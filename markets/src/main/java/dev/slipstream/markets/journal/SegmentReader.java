package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads one segment file back and decides where its data ends.
 *
 * <p>Records run from byte 0 until a zeroed header (the rest of the preallocated file), and the
 * last of them ends a batch. Any other stop is damage, and what it means depends on where it is:
 *
 * <ul>
 *   <li>In a segment other than the last, nothing was being written when the process stopped, so
 *       damage, or a batch without its end, is corruption and reading fails.
 *   <li>In the last segment, the bytes after the last whole batch are an append cut short, a torn
 *       tail, provided no valid record starts after the first damaged byte: an append that never
 *       finished was never acknowledged, so dropping it loses nothing. A valid record after the
 *       damage means the damage hit data that was acknowledged, so reading fails rather than drop
 *       it.
 * </ul>
 *
 * <p>Whatever the segment, records must be numbered from the seq in its name, one by one.
 *
 * <p>The file is mapped rather than read into the heap: segments are preallocated and mostly zeros,
 * and only the pages looked at are read. Only the last segment is looked at past its data, to find
 * torn bytes that a zeroed header (a lost page of the torn append) would otherwise hide. The
 * mapping goes when the garbage collector frees it; until then a deleted segment's disk space stays
 * in use, which Linux allows (Windows would refuse the deletion).
 */
final class SegmentReader {
  /**
   * Where a segment's data ends.
   *
   * @param dataEnd the offset after the last whole batch
   * @param tornEnd the offset after the torn tail's last non-zero byte, {@code dataEnd} if none
   * @param size the file's size
   */
  record Extent(int dataEnd, int tornEnd, int size) {
    long tornBytes() {
      return tornEnd - dataEnd;
    }
  }

  /**
   * How far the valid records of a segment go.
   *
   * @param validEnd the offset after the last valid record
   * @param batchEnd the offset after the last record that ends a batch
   * @param recordsToBatchEnd how many records the list held after that record
   */
  private record Run(int validEnd, int batchEnd, int recordsToBatchEnd) {}

  private final RecordFormat format = new RecordFormat();

  /**
   * Adds the records of {@code file}, whose name says they start at {@code firstSeq}, to {@code
   * into} and returns where its data ends.
   *
   * @param last whether {@code file} is the segment that was being appended to
   */
  Extent read(Path file, long firstSeq, boolean last, List<JournalRecord> into) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > LocalJournal.MAX_SEGMENT_BYTES) {
        throw new JournalCorruptException(
            file,
            "the file has "
                + size
                + " bytes, more than the "
                + LocalJournal.MAX_SEGMENT_BYTES
                + " a segment may have");
      }
      ByteBuffer data = channel.map(MapMode.READ_ONLY, 0, size).order(RecordFormat.ORDER);
      Run run = readRecords(file, data, firstSeq, into);
      if (last) {
        int tornEnd = tornEnd(file, data, run);
        into.subList(run.recordsToBatchEnd(), into.size()).clear();
        return new Extent(run.batchEnd(), tornEnd, (int) size);
      }
      if (!RecordFormat.zeros(data, run.validEnd(), RecordFormat.HEADER_BYTES)) {
        throw new JournalCorruptException(
            file,
            run.validEnd(),
            format.problemAt(data, run.validEnd()) + ", in a segment that is not the last");
      }
      if (run.batchEnd() != run.validEnd()) {
        throw new JournalCorruptException(
            file,
            run.batchEnd(),
            "the batch starting here has no end, in a segment that is not the last");
      }
      return new Extent(run.validEnd(), run.validEnd(), (int) size);
    }
  }

  private Run readRecords(Path file, ByteBuffer data, long firstSeq, List<JournalRecord> into)
      throws JournalCorruptException {
    int offset = 0;
    int batchEnd = 0;
    int recordsToBatchEnd = into.size();
    long expected = firstSeq;
    while (offset < data.limit() && !RecordFormat.zeros(data, offset, RecordFormat.HEADER_BYTES)) {
      int recordBytes = format.validRecordBytes(data, offset);
      if (recordBytes < 0) {
        break;
      }
      long seq = RecordFormat.seqAt(data, offset);
      if (seq != expected) {
        throw new JournalCorruptException(
            file,
            offset,
            offset == 0
                ? "the segment is named after seq " + firstSeq + " but its first record has " + seq
                : "the record has seq " + seq + " where " + expected + " should follow");
      }
      into.add(new JournalRecord(seq, RecordFormat.payloadAt(data, offset, recordBytes)));
      boolean endsBatch = RecordFormat.endsBatchAt(data, offset);
      offset += recordBytes;
      expected++;
      if (endsBatch) {
        batchEnd = offset;
        recordsToBatchEnd = into.size();
      }
    }
    return new Run(offset, batchEnd, recordsToBatchEnd);
  }

  /** The end of the last segment's torn tail, failing if the damage hides a valid record. */
  private int tornEnd(Path file, ByteBuffer data, Run run) throws JournalCorruptException {
    int damage = run.validEnd();
    int tornEnd = lastNonZero(data, run.batchEnd()) + 1;
    for (int offset = damage + 1; offset < tornEnd; offset++) {
      if (format.validRecordBytes(data, offset) >= 0) {
        String problem =
            RecordFormat.zeros(data, damage, RecordFormat.HEADER_BYTES)
                ? "the data ends in a zeroed header"
                : format.problemAt(data, damage);
        throw new JournalCorruptException(
            file,
            damage,
            problem
                + ", yet a valid record (seq "
                + RecordFormat.seqAt(data, offset)
                + ") starts at byte "
                + offset
                + " after it: damage to acknowledged records, not an append cut short");
      }
    }
    return tornEnd;
  }

  /** The offset of the last non-zero byte at or after {@code from}, or {@code from - 1}. */
  private static int lastNonZero(ByteBuffer data, int from) {
    int chunkEnd = data.limit();
    while (chunkEnd > from) {
      int chunkStart = Math.max(from, chunkEnd - ZeroFill.CHUNK_BYTES);
      int length = chunkEnd - chunkStart;
      if (data.slice(chunkStart, length).mismatch(ZeroFill.zeros(length)) >= 0) {
        for (int i = chunkEnd - 1; ; i--) {
          if (data.get(i) != 0) {
            return i;
          }
        }
      }
      chunkEnd = chunkStart;
    }
    return from - 1;
  }
}
