package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes zeros over a range of a file: to preallocate a segment with blocks that are really written
 * (an fdatasync into unwritten extents has to commit the extent change through the file system's
 * own journal, and waits there behind every other writer of the disk), and to wipe a torn tail so
 * that a later recovery does not read it again.
 */
final class ZeroFill {
  static final int CHUNK_BYTES = 1 << 20;

  // Direct, so that writes need no copy; read-only, so that sharing it between journals is safe.
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(CHUNK_BYTES).asReadOnlyBuffer();

  private ZeroFill() {}

  /**
   * Writes zeros to bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code channel}.
   */
  static void write(FileChannel channel, long from, long to) throws IOException {
    long position = from;
    while (position < to) {
      position += channel.write(zeros((int) Math.min(CHUNK_BYTES, to - position)), position);
    }
  }

  /** A buffer of {@code length} zeros, at most {@link #CHUNK_BYTES}, for this caller alone. */
  static ByteBuffer zeros(int length) {
    return ZEROS.slice(0, length);
  }
}
