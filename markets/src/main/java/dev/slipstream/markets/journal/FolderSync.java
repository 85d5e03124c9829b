package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a folder's entries durable: a new file's data may be on disk while its name is not, and a
 * crash would then lose the whole file, records and all.
 */
final class FolderSync {
  private FolderSync() {}

  /**
   * Fsyncs {@code folder} itself. Platforms that cannot open a folder as a file (Windows) refuse,
   * and their file systems make names durable by other means, so a refusal is ignored.
   */
  static void force(Path folder) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(folder, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException refused) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
