package dev.slipstream.markets.journal;

import static dev.slipstream.markets.journal.LocalJournalTest.assertSameRecords;
import static dev.slipstream.markets.journal.LocalJournalTest.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reopening makes of segments a crash or a bad disk left behind. Records have 100-byte
 * payloads and take 120 bytes on disk, so record {@code n} of a segment starts at byte {@code 120 *
 * n}; batches hold three records.
 */
class LocalJournalRecoveryTest {
  private static final int SEGMENT_BYTES = 4_096;
  private static final int RECORD_BYTES = 120;
  private static final int BATCH_BYTES = 3 * RECORD_BYTES;

  @TempDir Path folder;

  @Test
  void anAppendCutShortIsDroppedWholeAndWipedSoAppendingContinuesCleanly() throws IOException {
    List<List<JournalRecord>> batches = Batches.sequence(4, 3, 100);
    append(batches);
    Path segment = SegmentBytes.segments(folder).getFirst();
    int lastBatch = 3 * BATCH_BYTES;
    // The crash lost the end of the last record of seqs 10-12: its last 30 bytes never arrived.
    SegmentBytes.zero(segment, lastBatch + BATCH_BYTES - 30, lastBatch + BATCH_BYTES);

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(9);
      assertSameRecords(journal.takeRecoveredAfter(0), Batches.flat(batches.subList(0, 3)));
      assertThat(journal.recovery().tornBytesDropped()).isEqualTo(BATCH_BYTES - 30);
      assertThat(SegmentBytes.zerosFrom(segment, lastBatch)).isTrue();
      journal.append(Batches.of(10, 1, 10));
    }

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.recovery().tornBytesDropped()).isZero();
      List<JournalRecord> recovered = journal.takeRecoveredAfter(0);
      assertThat(recovered).extracting(JournalRecord::seq).containsExactly(seqs(1, 10));
      assertSameRecords(recovered.subList(9, 10), Batches.of(10, 1, 10));
    }
  }

  @Test
  void aHeaderCutShortIsATornTail() throws IOException {
    append(Batches.sequence(2, 3, 100));
    Path segment = SegmentBytes.segments(folder).getFirst();
    SegmentBytes.write(segment, 2 * BATCH_BYTES, new byte[] {0x31, 0x53, 0x4C, 0x4A, 7, 1, 1});

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(6);
      assertThat(journal.recovery().tornBytesDropped()).isEqualTo(7);
    }
    assertThat(SegmentBytes.zerosFrom(segment, 2 * BATCH_BYTES)).isTrue();
  }

  @Test
  void aLostPageOfTheLastAppendDoesNotHideTheBytesWrittenAfterIt() throws IOException {
    append(Batches.sequence(2, 3, 100));
    Path segment = SegmentBytes.segments(folder).getFirst();
    // The torn append's first page never arrived but a later one did: zeros, then stray bytes.
    byte[] stray = Batches.payload(99, 50);
    SegmentBytes.write(segment, 2 * BATCH_BYTES + 1_000, stray);

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(6);
      assertThat(journal.recovery().tornBytesDropped()).isEqualTo(1_000 + 50);
    }
    assertThat(SegmentBytes.zerosFrom(segment, 2 * BATCH_BYTES)).isTrue();
  }

  @Test
  void aDamagedRecordWithValidRecordsAfterItIsCorruptionNotATornTail() throws IOException {
    append(Batches.sequence(4, 3, 100));
    Path segment = SegmentBytes.segments(folder).getFirst();
    int damaged = 4 * RECORD_BYTES;
    SegmentBytes.flip(segment, damaged + 20 + 50);

    assertThatThrownBy(() -> LocalJournal.open(folder, SEGMENT_BYTES))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("at byte " + damaged + ":")
        .hasMessageContaining("CRC32C")
        .hasMessageContaining("starts at byte " + (damaged + RECORD_BYTES));
  }

  @Test
  void damageInASegmentOtherThanTheLastIsCorruptionEvenAtItsEnd() throws IOException {
    append(Batches.sequence(20, 3, 100));
    Path first = SegmentBytes.segments(folder).getFirst();
    int lastRecord = 32 * RECORD_BYTES;
    SegmentBytes.flip(first, lastRecord + 8);

    assertThatThrownBy(() -> LocalJournal.open(folder, SEGMENT_BYTES))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining(first.toString())
        .hasMessageContaining("at byte " + lastRecord + ":")
        .hasMessageContaining("not the last");
  }

  @Test
  void aMissingSegmentIsAGapInTheNumbering() throws IOException {
    append(Batches.sequence(40, 3, 100));
    Files.delete(SegmentBytes.segments(folder).get(1));

    assertThatThrownBy(() -> LocalJournal.open(folder, SEGMENT_BYTES))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining(SegmentBytes.name(67))
        .hasMessageContaining("starts at seq 67 but the one before it ends at 33");
  }

  @Test
  void aSegmentWhoseNameIsNotItsFirstSeqIsRefused() throws IOException {
    append(Batches.sequence(2, 3, 100));
    Path segment = SegmentBytes.segments(folder).getFirst();
    Files.move(segment, folder.resolve(SegmentBytes.name(2)));

    assertThatThrownBy(() -> LocalJournal.open(folder, SEGMENT_BYTES))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining("at byte 0")
        .hasMessageContaining("named after seq 2 but its first record has 1");
  }

  @Test
  void aRecordOutOfSequenceInsideASegmentIsRefused() throws IOException {
    append(Batches.sequence(1, 3, 100));
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      journal.append(Batches.of(4, 3, 100));
    }
    // A record from elsewhere, well formed but numbered 5 again, where 6 belongs.
    Path other = folder.resolve("other");
    try (LocalJournal journal = LocalJournal.open(other, SEGMENT_BYTES)) {
      journal.startAfter(4);
      journal.append(Batches.of(5, 1, 100));
    }
    Path segment = SegmentBytes.segments(folder).getFirst();
    byte[] five = Files.readAllBytes(SegmentBytes.segments(other).getFirst());
    SegmentBytes.write(segment, 5 * RECORD_BYTES, Arrays.copyOf(five, RECORD_BYTES));

    assertThatThrownBy(() -> LocalJournal.open(folder, SEGMENT_BYTES))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining("at byte " + 5 * RECORD_BYTES)
        .hasMessageContaining("seq 5 where 6 should follow");
  }

  @Test
  void aJournalFileNotNamedAsASegmentIsRefused() throws IOException {
    append(Batches.sequence(1, 3, 100));
    Files.write(folder.resolve("backup.journal"), new byte[10]);

    assertThatThrownBy(() -> LocalJournal.open(folder, SEGMENT_BYTES))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining("backup.journal")
        .hasMessageContaining("20 digits");
  }

  @Test
  void aLoneSegmentWhoseOnlyAppendIsTornLeavesAnEmptyJournal() throws IOException {
    append(Batches.sequence(1, 3, 100));
    Path segment = SegmentBytes.segments(folder).getFirst();
    SegmentBytes.zero(segment, BATCH_BYTES - 1, BATCH_BYTES);

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isZero();
      assertThat(journal.recovery().tornBytesDropped()).isEqualTo(BATCH_BYTES - 1);
      assertThat(segment).doesNotExist();
      journal.append(Batches.of(1, 1, 10));
    }
  }

  private void append(List<List<JournalRecord>> batches) throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      for (List<JournalRecord> batch : batches) {
        journal.append(batch);
      }
    }
  }
}
