package dev.slipstream.markets.journal;

import static dev.slipstream.markets.journal.LocalJournalTest.assertSameRecords;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments with room for eleven batches of three 100-byte records (3 × 120 bytes on disk): seqs
 * 1-33 in the first, 34-66 in the second, and so on.
 */
class LocalJournalSegmentsTest {
  private static final int SEGMENT_BYTES = 4_096;
  private static final List<List<JournalRecord>> BATCHES = Batches.sequence(40, 3, 100);

  @TempDir Path folder;

  @Test
  void batchesThatNoLongerFitStartASegmentNamedAfterTheirFirstSeq() throws IOException {
    appendAll();

    assertThat(SegmentBytes.names(folder))
        .containsExactly(
            SegmentBytes.name(1),
            SegmentBytes.name(34),
            SegmentBytes.name(67),
            SegmentBytes.name(100));
    for (Path segment : SegmentBytes.segments(folder)) {
      assertThat(Files.size(segment)).isEqualTo(SEGMENT_BYTES);
    }
    Path last = SegmentBytes.segments(folder).getLast();
    assertThat(SegmentBytes.zerosFrom(last, 7 * 360)).isTrue();
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertSameRecords(journal.takeRecoveredAfter(0), Batches.flat(BATCHES));
      assertThat(journal.recovery().segments()).isEqualTo(4);
      assertThat(journal.recovery().dataBytes()).isEqualTo(120 * 120);
    }
  }

  @Test
  void aBatchLargerThanASegmentGetsASegmentOfItsOwnSizedToFit() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      journal.append(Batches.of(1, 3, 100));
      journal.append(Batches.of(4, 50, 100));
      journal.append(Batches.of(54, 3, 100));
    }

    List<Path> segments = SegmentBytes.segments(folder);
    assertThat(SegmentBytes.names(folder))
        .containsExactly(SegmentBytes.name(1), SegmentBytes.name(4), SegmentBytes.name(54));
    assertThat(Files.size(segments.get(1))).isEqualTo(50 * 120);
    assertThat(Files.size(segments.get(2))).isEqualTo(SEGMENT_BYTES);
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.takeRecoveredAfter(0))
          .extracting(JournalRecord::seq)
          .containsExactly(LocalJournalTest.seqs(1, 56));
    }
  }

  @Test
  void forgettingDeletesExactlyTheSegmentsWhoseRecordsAreAllCovered() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      for (List<JournalRecord> batch : BATCHES) {
        journal.append(batch);
      }
      journal.forgetThrough(32);
      assertThat(SegmentBytes.names(folder)).hasSize(4);
      journal.forgetThrough(33);
      assertThat(SegmentBytes.names(folder))
          .containsExactly(SegmentBytes.name(34), SegmentBytes.name(67), SegmentBytes.name(100));
    }

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      List<JournalRecord> recovered = journal.takeRecoveredAfter(0);
      assertThat(recovered)
          .extracting(JournalRecord::seq)
          .containsExactly(LocalJournalTest.seqs(34, 120));
      assertSameRecords(recovered, Batches.flat(BATCHES).subList(33, 120));
      assertThat(journal.recovery().firstSeq()).isEqualTo(34);
      journal.append(Batches.of(121, 3, 100));
      journal.forgetThrough(Long.MAX_VALUE);
      assertThat(SegmentBytes.names(folder)).containsExactly(SegmentBytes.name(100));
    }

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.takeRecoveredAfter(0))
          .extracting(JournalRecord::seq)
          .containsExactly(LocalJournalTest.seqs(100, 123));
      assertThat(journal.lastSeq()).isEqualTo(123);
    }
  }

  @Test
  void aSegmentCreatedJustBeforeACrashIsWrittenIntoAfterReopen() throws IOException {
    appendAll();
    Path empty = folder.resolve(SegmentBytes.name(121));
    Files.write(empty, new byte[SEGMENT_BYTES]);

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(120);
      assertThat(journal.recovery().segments()).isEqualTo(5);
      journal.append(Batches.of(121, 3, 100));
    }

    assertThat(SegmentBytes.names(folder)).hasSize(5).last().isEqualTo(SegmentBytes.name(121));
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(123);
    }
  }

  @Test
  void anEmptyLoneSegmentIsDeletedSoTheJournalMayStartAnywhere() throws IOException {
    Files.write(folder.resolve(SegmentBytes.name(7)), new byte[SEGMENT_BYTES]);

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isZero();
      assertThat(SegmentBytes.names(folder)).isEmpty();
      journal.startAfter(41);
      journal.append(Batches.of(42, 1, 10));
    }
    assertThat(SegmentBytes.names(folder)).containsExactly(SegmentBytes.name(42));
  }

  @Test
  void otherFilesAreLeftAloneAndAnInterruptedPreallocationIsDeleted() throws IOException {
    appendAll();
    Path notes = Files.writeString(folder.resolve("README.txt"), "shard 3");
    Path interrupted = folder.resolve(String.format("%020d.preallocating", 121));
    Files.write(interrupted, new byte[100]);

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertThat(journal.lastSeq()).isEqualTo(120);
    }
    assertThat(notes).exists();
    assertThat(interrupted).doesNotExist();
  }

  @Test
  void aNewSegmentIsTheSpareZeroedInTheBackgroundAndTheNextSpareStarts() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      journal.append(BATCHES.getFirst());
      awaitSpare(journal);
      Object spareFile = fileKey(SegmentName.spare(folder));

      for (List<JournalRecord> batch : BATCHES.subList(1, 12)) {
        journal.append(batch);
      }

      // The twelfth batch did not fit: its segment is the spare, renamed.
      Path second = folder.resolve(SegmentBytes.name(34));
      assertThat(fileKey(second)).isEqualTo(spareFile);
      assertThat(Files.size(second)).isEqualTo(SEGMENT_BYTES);
      awaitSpare(journal);
      assertThat(fileKey(SegmentName.spare(folder))).isNotEqualTo(spareFile);
    }

    assertThat(SegmentName.spare(folder)).doesNotExist();
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertSameRecords(journal.takeRecoveredAfter(0), Batches.flat(BATCHES.subList(0, 12)));
    }
  }

  @Test
  void aSpareLeftByACrashIsNeverTakenForZeros() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      journal.append(BATCHES.getFirst());
    }
    byte[] garbage = new byte[SEGMENT_BYTES];
    java.util.Arrays.fill(garbage, (byte) 0x5a);
    Files.write(SegmentName.spare(folder), garbage);

    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      awaitSpare(journal);
      for (List<JournalRecord> batch : BATCHES.subList(1, 12)) {
        journal.append(batch);
      }
    }

    assertThat(SegmentBytes.zerosFrom(folder.resolve(SegmentBytes.name(34)), 360)).isTrue();
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      assertSameRecords(journal.takeRecoveredAfter(0), Batches.flat(BATCHES.subList(0, 12)));
    }
  }

  private static void awaitSpare(LocalJournal journal) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(journal::spareReady);
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }

  private void appendAll() throws IOException {
    try (LocalJournal journal = LocalJournal.open(folder, SEGMENT_BYTES)) {
      for (List<JournalRecord> batch : BATCHES) {
        journal.append(batch);
      }
    }
  }
}
