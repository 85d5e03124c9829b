package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Looks at and damages segment files the way a crash or a bad disk would. */
final class SegmentBytes {
  private SegmentBytes() {}

  /** The segment files of {@code folder}, oldest first. */
  static List<Path> segments(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".journal")).sorted().toList();
    }
  }

  /** The names of the segment files of {@code folder}, oldest first. */
  static List<String> names(Path folder) throws IOException {
    return segments(folder).stream().map(f -> f.getFileName().toString()).toList();
  }

  /** The name a segment starting at {@code firstSeq} has. */
  static String name(long firstSeq) {
    return String.format("%020d.journal", firstSeq);
  }

  /** Flips every bit of the byte at {@code offset}. */
  static void flip(Path file, long offset) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) ~one.get(0)).rewind();
      channel.write(one, offset);
    }
  }

  /** Writes {@code bytes} at {@code offset}. */
  static void write(Path file, long offset, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(bytes), offset);
    }
  }

  /** Writes zeros from {@code from} up to {@code to}. */
  static void zero(Path file, long from, long to) throws IOException {
    write(file, from, new byte[(int) (to - from)]);
  }

  /** Whether bytes {@code from} up to the end of {@code file} are all zero. */
  static boolean zerosFrom(Path file, long from) throws IOException {
    byte[] all = Files.readAllBytes(file);
    for (int i = (int) from; i < all.length; i++) {
      if (all[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
