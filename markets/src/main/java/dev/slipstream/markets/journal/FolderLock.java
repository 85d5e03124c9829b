package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a journal folder, held while the journal is open: two writers appending to
 * the same segments would interleave records, and one's recovery would zero out the other's data as
 * a torn tail. The operating system releases the lock when the process dies, so a crash never
 * leaves a folder locked.
 */
final class FolderLock implements AutoCloseable {
  static final String FILE_NAME = "journal.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code folder}.
   *
   * @throws IllegalStateException when another process, or another journal in this one, holds it
   */
  static FolderLock take(Path folder) throws IOException {
    FileChannel channel =
        FileChannel.open(
            folder.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IllegalStateException(
            "journal folder " + folder + " is in use by another process");
      }
      return new FolderLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new IllegalStateException(
          "journal folder " + folder + " is in use by another process (or by this one)", e);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      lock.release();
    }
  }
}
