package dev.slipstream.markets.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJournalTest {
  private static final long SEGMENT_BYTES = 1 << 20;

  @TempDir Path folder;

  @Test
  void aNewFolderIsCreatedAndHoldsNothing() throws IOException {
    Path missing = folder.resolve("shard-1");
    try (LocalJournal journal = LocalJournal.open(missing, SEGMENT_BYTES)) {
      assertThat(Files.isDirectory(missing)).isTrue();
      assertThat(journal.lastSeq()).isZero();
      assertThat(journal.takeRecoveredAfter(0)).isEmpty();
      assertThat(journal.recovery()).isEqualTo(new Recovery(0, 0, 0, 0, 0, 0));
    }
  }

  @Test
  void appendedBatchesComeBackIdenticalAfterReopenAndAppendingContinues() throws IOException {
    List<List<JournalRecord>> batches =
        List.of(
            Batches.of(1, 1, 200),
            Batches.of(2, 7, 200),
            List.of(new JournalRecord(9, new byte[0]), new JournalRecord(10, new byte[] {42})),
            Batches.of(11, 30, 3_000));
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      for (List<JournalRecord> batch : batches) {
        journal.append(batch);
      }
      assertThat(journal.lastSeq()).isEqualTo(40);
    }

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(40);
      assertSameRecords(journal.takeRecoveredAfter(0), Batches.flat(batches));
      assertThat(journal.recovery().records()).isEqualTo(40);
      assertThat(journal.recovery().tornBytesDropped()).isZero();
      journal.append(Batches.of(41, 5, 200));
    }

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(45);
      List<JournalRecord> recovered = journal.takeRecoveredAfter(0);
      assertThat(recovered).extracting(JournalRecord::seq).containsExactly(seqs(1, 45));
      assertSameRecords(recovered.subList(40, 45), Batches.of(41, 5, 200));
    }
  }

  @Test
  void recoveredRecordsAreHandedOverOnceFromTheSeqTheCallerAsksFor() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      journal.append(Batches.of(1, 10, 50));
    }
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertSameRecords(journal.takeRecoveredAfter(6), Batches.of(7, 4, 50));
      assertThat(journal.takeRecoveredAfter(0)).isEmpty();
    }
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.takeRecoveredAfter(10)).isEmpty();
    }
  }

  @Test
  void aBatchThatBreaksTheNumberingIsRefusedAndLeavesTheJournalUsable() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThatThrownBy(() -> journal.append(Batches.of(2, 3, 10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a record has seq 2 where the journal expects 1");
      journal.append(Batches.of(1, 3, 10));
      List<JournalRecord> gap =
          List.of(new JournalRecord(4, new byte[1]), new JournalRecord(6, new byte[1]));
      assertThatThrownBy(() -> journal.append(gap))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a record has seq 6 where the journal expects 5");
      assertThatThrownBy(() -> journal.append(Batches.of(3, 1, 10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a record has seq 3 where the journal expects 4");
      journal.append(Batches.of(4, 1, 10));
      assertThat(journal.lastSeq()).isEqualTo(4);
    }
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.takeRecoveredAfter(0))
          .extracting(JournalRecord::seq)
          .containsExactly(seqs(1, 4));
    }
  }

  @Test
  void aPayloadOverOneMebibyteIsRefusedAndOneOfExactlyThatSizeIsKept() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      List<JournalRecord> tooLarge =
          List.of(
              new JournalRecord(1, new byte[10]),
              new JournalRecord(2, new byte[LocalJournal.MAX_PAYLOAD_BYTES + 1]));
      assertThatThrownBy(() -> journal.append(tooLarge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("seq 2")
          .hasMessageContaining(String.valueOf(LocalJournal.MAX_PAYLOAD_BYTES + 1));
      assertThat(journal.lastSeq()).isZero();
      journal.append(Batches.of(1, 1, LocalJournal.MAX_PAYLOAD_BYTES));
    }
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertSameRecords(
          journal.takeRecoveredAfter(0), Batches.of(1, 1, LocalJournal.MAX_PAYLOAD_BYTES));
    }
  }

  @Test
  void aSecondOpenOfTheFolderIsRefusedUntilTheFirstCloses() throws IOException {
    LocalJournal first = LocalJournal.open(folder, SEGMENT_BYTES);
    first.append(Batches.of(1, 2, 10));
    assertThatThrownBy(() -> LocalJournal.open(folder, SEGMENT_BYTES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "journal folder " + folder.toAbsolutePath() + " is in use by another process");
    first.close();
    try (LocalJournal second = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(second.lastSeq()).isEqualTo(2);
    }
  }

  @Test
  void anEmptyJournalCanContinueANumberingKeptElsewhere() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      journal.startAfter(5_000);
      assertThat(journal.lastSeq()).isEqualTo(5_000);
      assertThatThrownBy(() -> journal.append(Batches.of(1, 1, 10)))
          .isInstanceOf(IllegalArgumentException.class);
      journal.append(Batches.of(5_001, 3, 10));
      assertThatThrownBy(() -> journal.startAfter(9_000))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("up to seq 5003");
    }
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(5_003);
      assertThat(SegmentBytes.names(folder)).containsExactly(SegmentBytes.name(5_001));
    }
  }

  @Test
  void aFailedWriteRefusesEveryLaterAppendAndReopeningRecoversWhatIsDurable() throws IOException {
    LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES);
    journal.append(Batches.of(1, 3, 100));
    // An interrupt closes the channel under the write: a real I/O failure, not a fake one.
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> journal.append(Batches.of(4, 3, 100))).isInstanceOf(IOException.class);
    assertThat(Thread.interrupted()).isTrue();
    assertThatThrownBy(() -> journal.append(Batches.of(4, 3, 100)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("failed an append and takes no more");
    assertThat(journal.lastSeq()).isEqualTo(3);
    journal.close();

    try (LocalJournal reopened = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(reopened.lastSeq()).isEqualTo(3);
      reopened.append(Batches.of(4, 3, 100));
    }
  }

  @Test
  void aClosedJournalRefusesAppends() throws IOException {
    LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES);
    journal.close();
    assertThatThrownBy(() -> journal.append(Batches.of(1, 1, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void aSegmentSizeOutsideTheLimitsIsRefusedWithTheSetting() {
    assertThatThrownBy(() -> LocalJournal.open(folder, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentBytes is 100");
  }

  /** Asserts the same seqs in the same order, each with the same payload bytes. */
  static void assertSameRecords(List<JournalRecord> actual, List<JournalRecord> expected) {
    assertThat(actual)
        .extracting(JournalRecord::seq)
        .containsExactlyElementsOf(expected.stream().map(JournalRecord::seq).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).payload())
          .as("payload of seq %d", expected.get(i).seq())
          .isEqualTo(expected.get(i).payload());
    }
  }

  /** The seqs from {@code first} to {@code last}, for {@code containsExactly}. */
  static Long[] seqs(long first, long last) {
    Long[] seqs = new Long[(int) (last - first + 1)];
    for (int i = 0; i < seqs.length; i++) {
      seqs[i] = first + i;
    }
    return seqs;
  }
}
