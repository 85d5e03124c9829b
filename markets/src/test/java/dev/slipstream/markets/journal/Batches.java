package dev.slipstream.markets.journal;

import java.util.ArrayList;
import java.util.List;

/** Batches of records whose payloads can be told apart and never contain a zero byte. */
final class Batches {
  private Batches() {}

  /** {@code count} records numbered from {@code firstSeq}, each with {@code bytes} of payload. */
  static List<JournalRecord> of(long firstSeq, int count, int bytes) {
    List<JournalRecord> batch = new ArrayList<>(count);
    for (long seq = firstSeq; seq < firstSeq + count; seq++) {
      batch.add(new JournalRecord(seq, payload(seq, bytes)));
    }
    return batch;
  }

  /** The payload {@link #of} gives the record {@code seq}. */
  static byte[] payload(long seq, int bytes) {
    byte[] payload = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      payload[i] = (byte) (1 + (seq * 31 + i) % 255);
    }
    return payload;
  }

  /** {@code batches} batches of {@code perBatch} records of {@code bytes} each, from seq 1. */
  static List<List<JournalRecord>> sequence(int batches, int perBatch, int bytes) {
    List<List<JournalRecord>> sequence = new ArrayList<>(batches);
    for (int i = 0; i < batches; i++) {
      sequence.add(of(1 + (long) i * perBatch, perBatch, bytes));
    }
    return sequence;
  }

  /** Every record of {@code sequence}, in order. */
  static List<JournalRecord> flat(List<List<JournalRecord>> sequence) {
    return sequence.stream().flatMap(List::stream).toList();
  }
}
