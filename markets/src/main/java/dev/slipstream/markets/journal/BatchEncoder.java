package dev.slipstream.markets.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Checks a batch against the journal's rules and turns it into the bytes of one write.
 *
 * <p>A shard's batches are small (a thousand bets of a few hundred bytes), so one direct buffer of
 * up to {@value #REUSED_BUFFER_MAX_BYTES} bytes is kept and reused: a heap buffer would be copied
 * into a direct one by every write. A rare larger batch gets a buffer of its own, dropped once it
 * is written, so that one burst does not pin its size for the journal's lifetime.
 */
final class BatchEncoder {
  /** What to do with a batch's bytes: write and force them. */
  interface Sink {
    /** Takes the encoded batch, position to limit. */
    void accept(ByteBuffer encoded) throws IOException;
  }

  private static final int REUSED_BUFFER_MAX_BYTES = 4 << 20;

  private final RecordFormat format = new RecordFormat();
  private ByteBuffer reused = ByteBuffer.allocateDirect(64 << 10).order(RecordFormat.ORDER);

  /**
   * Bytes {@code batch} takes on disk, after checking that it continues the numbering after {@code
   * lastSeq} and that every payload is small enough.
   *
   * @throws IllegalArgumentException naming the first record that breaks a rule
   */
  static long checkedBytes(List<JournalRecord> batch, long lastSeq) {
    long expected = lastSeq + 1;
    for (JournalRecord record : batch) {
      if (record.seq() != expected) {
        throw new IllegalArgumentException(
            "a record has seq " + record.seq() + " where the journal expects " + expected);
      }
      if (record.payload().length > LocalJournal.MAX_PAYLOAD_BYTES) {
        throw new IllegalArgumentException(
            "the record with seq "
                + record.seq()
                + " has a payload of "
                + record.payload().length
                + " bytes, more than the "
                + LocalJournal.MAX_PAYLOAD_BYTES
                + " allowed");
      }
      expected++;
    }
    long bytes = RecordFormat.encodedBytes(batch);
    if (bytes > LocalJournal.MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "the batch takes "
              + bytes
              + " bytes, more than the "
              + LocalJournal.MAX_SEGMENT_BYTES
              + " of the largest segment");
    }
    return bytes;
  }

  /** Encodes {@code batch}, which takes {@code bytes}, and hands the bytes to {@code sink}. */
  void encode(List<JournalRecord> batch, long bytes, Sink sink) throws IOException {
    if (bytes > REUSED_BUFFER_MAX_BYTES) {
      ByteBuffer once = ByteBuffer.allocateDirect((int) bytes).order(RecordFormat.ORDER);
      format.encode(batch, once);
      sink.accept(once.flip());
      return;
    }
    if (reused.capacity() < bytes) {
      int grown = (int) Math.min(REUSED_BUFFER_MAX_BYTES, Math.max(bytes, 2L * reused.capacity()));
      reused = ByteBuffer.allocateDirect(grown).order(RecordFormat.ORDER);
    }
    format.encode(batch, reused.clear());
    sink.accept(reused.flip());
  }
}
