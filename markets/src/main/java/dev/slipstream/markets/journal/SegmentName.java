package dev.slipstream.markets.journal;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names segment files after the first seq they hold, as 20 digits so that the names sort like the
 * numbers: {@code 00000000000000000001.journal}. A segment being preallocated has the same name
 * with {@value #PREALLOCATING} instead, so that a crash halfway leaves no file recovery would read;
 * so does the spare prepared for the next segment before its first seq is known ({@value #SPARE}).
 */
final class SegmentName {
  static final String SUFFIX = ".journal";
  static final String PREALLOCATING = ".preallocating";
  static final String SPARE = "next-segment" + PREALLOCATING;

  private static final Pattern SEGMENT = Pattern.compile("\\d{20}" + Pattern.quote(SUFFIX));
  private static final Pattern LEFT_OVER =
      Pattern.compile("\\d{20}" + Pattern.quote(PREALLOCATING));

  private SegmentName() {}

  /** The file of the segment whose first record is {@code firstSeq}. */
  static Path of(Path folder, long firstSeq) {
    return folder.resolve(digits(firstSeq) + SUFFIX);
  }

  /** Where the segment starting at {@code firstSeq} is zero-filled before it gets its name. */
  static Path preallocating(Path folder, long firstSeq) {
    return folder.resolve(digits(firstSeq) + PREALLOCATING);
  }

  /** Where the next segment is zero-filled before its first seq is known. */
  static Path spare(Path folder) {
    return folder.resolve(SPARE);
  }

  /** Whether {@code file} is claimed by the journal as a segment, well named or not. */
  static boolean isSegment(Path file) {
    return file.getFileName().toString().endsWith(SUFFIX);
  }

  /** Whether {@code file} is a preallocation a crash interrupted, safe to delete. */
  static boolean isLeftOverPreallocation(Path file) {
    String name = file.getFileName().toString();
    return LEFT_OVER.matcher(name).matches() || name.equals(SPARE);
  }

  /** The first seq {@code file} is named after. */
  static long firstSeq(Path file) throws JournalCorruptException {
    String name = file.getFileName().toString();
    if (!SEGMENT.matcher(name).matches()) {
      throw new JournalCorruptException(
          file, "a journal segment's name must be 20 digits and " + SUFFIX + ", not " + name);
    }
    long firstSeq;
    try {
      firstSeq = Long.parseLong(name, 0, 20, 10);
    } catch (NumberFormatException e) {
      throw new JournalCorruptException(file, "the name " + name + " is not a seq: " + e);
    }
    if (firstSeq < 1) {
      throw new JournalCorruptException(file, "seqs start at 1, so no segment starts at 0");
    }
    return firstSeq;
  }

  private static String digits(long seq) {
    return String.format("%020d", seq);
  }
}
