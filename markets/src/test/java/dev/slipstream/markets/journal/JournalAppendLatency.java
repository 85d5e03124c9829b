package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A one-off measurement, not a test: how long {@link LocalJournal#append} takes, fdatasync
 * included, for batches the size a busy shard writes (7 records of 200 bytes). Prints p50, p99,
 * p99.9 and max over the measured appends.
 *
 * <p>Run after {@code mvn test-compile}: {@code java -cp
 * markets/target/classes:markets/target/test-classes
 * dev.slipstream.markets.journal.JournalAppendLatency [folder] [batches] [segment MiB]}. The folder
 * must be on the disk being measured: a tmpfs makes fdatasync free.
 */
final class JournalAppendLatency {
  private static final int RECORDS_PER_BATCH = 7;
  private static final int PAYLOAD_BYTES = 200;
  private static final int WARM_UP_BATCHES = 2_000;

  private JournalAppendLatency() {}

  public static void main(String[] args) throws IOException {
    Path parent = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    long segmentBytes = (args.length > 2 ? Long.parseLong(args[2]) : 64) << 20;
    Path folder = Files.createTempDirectory(parent, "journal-latency-");
    long[] nanos = new long[batches];
    long seq = 1;
    try (LocalJournal journal = LocalJournal.open(folder, segmentBytes)) {
      for (int i = 0; i < WARM_UP_BATCHES + batches; i++) {
        List<JournalRecord> batch = Batches.of(seq, RECORDS_PER_BATCH, PAYLOAD_BYTES);
        long start = System.nanoTime();
        journal.append(batch);
        long took = System.nanoTime() - start;
        if (i >= WARM_UP_BATCHES) {
          nanos[i - WARM_UP_BATCHES] = took;
        }
        seq += RECORDS_PER_BATCH;
      }
    } finally {
      try (var files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(folder);
    }
    long total = Arrays.stream(nanos).sum();
    Arrays.sort(nanos);
    System.out.printf(
        "%d appends of %d x %d B (%d B on disk), %d MiB segments, in %s%n",
        batches,
        RECORDS_PER_BATCH,
        PAYLOAD_BYTES,
        RECORDS_PER_BATCH * (RecordFormat.HEADER_BYTES + PAYLOAD_BYTES),
        segmentBytes >> 20,
        parent);
    System.out.printf(
        "p50 %s  p99 %s  p99.9 %s  max %s  mean %s  (%.0f appends/s)%n",
        micros(nanos[batches / 2]),
        micros(nanos[(int) (batches * 0.99)]),
        micros(nanos[(int) (batches * 0.999)]),
        micros(nanos[batches - 1]),
        micros(total / batches),
        batches / (total / 1e9));
  }

  private static String micros(long nanos) {
    return String.format("%.0f µs", nanos / 1e3);
  }
}
