package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The journal folder holds something recovery must not guess about: a damaged record with valid
 * records after it, a gap in the numbering, a segment whose name does not match its contents.
 *
 * <p>It is an {@link IOException} because it comes from the same place as one (the disk) and the
 * caller handles both alike: the shard does not start, and an operator looks at the named file.
 */
public final class JournalCorruptException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The damage {@code problem} at byte {@code offset} of {@code file}. */
  JournalCorruptException(Path file, long offset, String problem) {
    super("journal segment " + file + " at byte " + offset + ": " + problem);
  }

  /** The damage {@code problem} of {@code file} as a whole, such as its name. */
  JournalCorruptException(Path file, String problem) {
    super("journal segment " + file + ": " + problem);
  }
}
