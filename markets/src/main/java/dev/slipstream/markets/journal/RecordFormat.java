package dev.slipstream.markets.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * How a record lies on disk, little-endian:
 *
 * <pre>
 *   offset  size  field
 *   0       4     magic   0x4A4C5331, never zero, so a zeroed header reads as "no more data"
 *   4       4     payload length, 0 to {@link LocalJournal#MAX_PAYLOAD_BYTES}, with bit 31 set
 *                 on the last record of its batch
 *   8       8     seq
 *   16      4     CRC32C over bytes 4..16 (length and seq) and the payload
 *   20      n     payload
 * </pre>
 *
 * <p>Records follow each other without padding. The checksum covers the length and seq as well as
 * the payload so that a torn or flipped header cannot pass for a record; the magic is left out of
 * it because it is compared on its own, and it doubles as the format's version. The batch-end bit
 * lets recovery drop a batch that was only partly written as a whole, so that an append is all or
 * nothing across a crash, as the transaction it replaces was.
 *
 * <p>An instance carries a checksum's state, so each reader or writer has its own.
 */
final class RecordFormat {
  static final int MAGIC = 0x4A4C5331;
  static final int HEADER_BYTES = 20;
  static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private static final int LENGTH_AT = 4;
  private static final int SEQ_AT = 8;
  private static final int CRC_AT = 16;
  private static final int CHECKED_HEADER_BYTES = CRC_AT - LENGTH_AT;
  private static final int BATCH_END = 1 << 31;

  private final CRC32C crc = new CRC32C();

  /** Bytes {@code batch} takes on disk. */
  static long encodedBytes(List<JournalRecord> batch) {
    long bytes = 0;
    for (JournalRecord record : batch) {
      bytes += HEADER_BYTES + record.payload().length;
    }
    return bytes;
  }

  /** Writes {@code batch} at {@code into}'s position, which it leaves after the last record. */
  void encode(List<JournalRecord> batch, ByteBuffer into) {
    int last = batch.size() - 1;
    for (int i = 0; i <= last; i++) {
      JournalRecord record = batch.get(i);
      int start = into.position();
      byte[] payload = record.payload();
      int lengthField = i == last ? payload.length | BATCH_END : payload.length;
      into.putInt(MAGIC).putInt(lengthField).putLong(record.seq()).putInt(0).put(payload);
      crc.reset();
      crc.update(into.slice(start + LENGTH_AT, CHECKED_HEADER_BYTES));
      crc.update(payload);
      into.putInt(start + CRC_AT, (int) crc.getValue());
    }
  }

  /**
   * The length of the valid record at {@code offset} of {@code data} (header included), or -1 when
   * the bytes there are not one: wrong magic, impossible length, cut off by the end of {@code
   * data}, or a checksum that does not match.
   */
  int validRecordBytes(ByteBuffer data, int offset) {
    if (data.limit() - offset < HEADER_BYTES || data.getInt(offset) != MAGIC) {
      return -1;
    }
    int length = data.getInt(offset + LENGTH_AT) & ~BATCH_END;
    if (length > LocalJournal.MAX_PAYLOAD_BYTES || length > data.limit() - offset - HEADER_BYTES) {
      return -1;
    }
    crc.reset();
    crc.update(data.slice(offset + LENGTH_AT, CHECKED_HEADER_BYTES));
    crc.update(data.slice(offset + HEADER_BYTES, length));
    return (int) crc.getValue() == data.getInt(offset + CRC_AT) ? HEADER_BYTES + length : -1;
  }

  /**
   * Why the bytes at {@code offset} of {@code data} are not a valid record, for an error message.
   */
  String problemAt(ByteBuffer data, int offset) {
    int left = data.limit() - offset;
    if (left < HEADER_BYTES) {
      return "only " + left + " bytes are left, too few for a record header";
    }
    int magic = data.getInt(offset);
    if (magic != MAGIC) {
      return String.format("the record's magic is 0x%08x, not 0x%08x", magic, MAGIC);
    }
    int length = data.getInt(offset + LENGTH_AT) & ~BATCH_END;
    if (length > LocalJournal.MAX_PAYLOAD_BYTES) {
      return "the payload length " + length + " is over " + LocalJournal.MAX_PAYLOAD_BYTES;
    }
    if (length > left - HEADER_BYTES) {
      return "the record needs "
          + (HEADER_BYTES + length)
          + " bytes but only "
          + left
          + " are left";
    }
    return validRecordBytes(data, offset) < 0
        ? "the record's CRC32C does not match its length, seq and payload"
        : "the record is valid";
  }

  /** The seq of the record at {@code offset}, which {@link #validRecordBytes} accepted. */
  static long seqAt(ByteBuffer data, int offset) {
    return data.getLong(offset + SEQ_AT);
  }

  /** Whether the valid record at {@code offset} is the last of the batch it was appended in. */
  static boolean endsBatchAt(ByteBuffer data, int offset) {
    return (data.getInt(offset + LENGTH_AT) & BATCH_END) != 0;
  }

  /** A copy of the payload of the valid record at {@code offset} of length {@code recordBytes}. */
  static byte[] payloadAt(ByteBuffer data, int offset, int recordBytes) {
    byte[] payload = new byte[recordBytes - HEADER_BYTES];
    data.get(offset + HEADER_BYTES, payload);
    return payload;
  }

  /** Whether the {@code length} bytes from {@code offset} (cut at the end of data) are all zero. */
  static boolean zeros(ByteBuffer data, int offset, int length) {
    int end = Math.min(data.limit(), offset + length);
    for (int i = offset; i < end; i++) {
      if (data.get(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
