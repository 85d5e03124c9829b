package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a journal folder back when it opens: every segment in seq order, every record checked, the
 * numbering checked to run on without a gap from one segment to the next.
 *
 * <p>Files that do not end in {@value SegmentName#SUFFIX} are not the journal's and are left alone
 * (the lock file, an operator's notes); one that does but is not named as a segment fails the
 * recovery, since it may hold records the journal would otherwise skip. Preallocations a crash
 * interrupted held no records yet and are deleted.
 */
final class JournalRecovery {
  /**
   * The segment appends continue in.
   *
   * @param segment the last segment
   * @param extent where its data ends and the torn tail to wipe before appending
   */
  record Tail(SegmentFile segment, SegmentReader.Extent extent) {}

  /**
   * What recovery found.
   *
   * @param records every record, in seq order
   * @param segments the segments holding them, oldest first
   * @param tail the last segment, null when the journal holds no records
   * @param recovery the figures to log
   */
  record Recovered(
      List<JournalRecord> records,
      List<SegmentFile> segments,
      @Nullable Tail tail,
      Recovery recovery) {}

  private JournalRecovery() {}

  /** Reads {@code folder}, which the caller holds the lock of. */
  static Recovered recover(Path folder) throws IOException {
    deleteLeftOverPreallocations(folder);
    List<SegmentFile> segments = segmentsInOrder(folder);
    List<JournalRecord> records = new ArrayList<>();
    SegmentReader reader = new SegmentReader();
    long dataBytes = 0;
    SegmentReader.@Nullable Extent lastExtent = null;
    for (int i = 0; i < segments.size(); i++) {
      SegmentFile segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (!records.isEmpty() && segment.firstSeq() != records.getLast().seq() + 1) {
        throw new JournalCorruptException(
            segment.file(),
            0,
            "the segment starts at seq "
                + segment.firstSeq()
                + " but the one before it ends at "
                + records.getLast().seq());
      }
      int before = records.size();
      SegmentReader.Extent extent = reader.read(segment.file(), segment.firstSeq(), last, records);
      if (!last && records.size() == before) {
        throw new JournalCorruptException(
            segment.file(), 0, "the segment holds no records, yet a later one exists");
      }
      dataBytes += extent.dataEnd();
      lastExtent = extent;
    }
    long tornBytes = lastExtent == null ? 0 : lastExtent.tornBytes();
    @Nullable Tail tail = null;
    if (lastExtent != null && !records.isEmpty()) {
      tail = new Tail(segments.getLast(), lastExtent);
    } else if (lastExtent != null) {
      // A lone segment with no records: created, or its only append torn, before the crash. The
      // journal holds nothing, and its next append may start at another seq than the name says.
      Files.delete(segments.getLast().file());
      FolderSync.force(folder);
    }
    Recovery recovery =
        new Recovery(
            segments.size(),
            records.size(),
            records.isEmpty() ? 0 : records.getFirst().seq(),
            records.isEmpty() ? 0 : records.getLast().seq(),
            dataBytes,
            tornBytes);
    List<SegmentFile> live = tail == null ? List.of() : segments;
    return new Recovered(records, live, tail, recovery);
  }

  private static List<SegmentFile> segmentsInOrder(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(SegmentName::isSegment).toList();
    }
    List<SegmentFile> segments = new ArrayList<>(files.size());
    for (Path file : files) {
      segments.add(new SegmentFile(SegmentName.firstSeq(file), file));
    }
    segments.sort(Comparator.comparingLong(SegmentFile::firstSeq));
    return segments;
  }

  private static void deleteLeftOverPreallocations(Path folder) throws IOException {
    List<Path> leftOvers;
    try (Stream<Path> listing = Files.list(folder)) {
      leftOvers = listing.filter(SegmentName::isLeftOverPreallocation).toList();
    }
    for (Path leftOver : leftOvers) {
      Files.delete(leftOver);
    }
  }
}
