package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.FloatDraws;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.TransferKind;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

/**
 * What a shard's local journal records: an engine command (the same bytes the PostgreSQL journal
 * keeps), or a stake drawn from one of the shard's floats, with the whole hold the drain will write
 * for it. Payload: one type byte, then the command's bytes, or the draw's fields in order.
 */
sealed interface LocalRecord permits LocalRecord.Command, LocalRecord.Draw {
  byte COMMAND = 1;
  byte DRAW = 2;

  /** An engine command, in the sequencer's order. */
  record Command(byte[] command) implements LocalRecord {}

  /** A bet's stake drawn from a float, with the hold it becomes when drained. */
  record Draw(FloatDraws.Draw draw) implements LocalRecord {}

  /** The record's payload. */
  static byte[] encode(LocalRecord record) {
    return switch (record) {
      case Command c -> {
        byte[] payload = new byte[c.command().length + 1];
        payload[0] = COMMAND;
        System.arraycopy(c.command(), 0, payload, 1, c.command().length);
        yield payload;
      }
      case Draw d -> encodeDraw(d);
    };
  }

  /**
   * Reads a payload back.
   *
   * @throws IllegalArgumentException naming what is wrong, for a payload no journal wrote
   */
  static LocalRecord decode(byte[] payload) {
    if (payload.length == 0) {
      throw new IllegalArgumentException("an empty local journal record");
    }
    return switch (payload[0]) {
      case COMMAND -> new Command(java.util.Arrays.copyOfRange(payload, 1, payload.length));
      case DRAW -> decodeDraw(payload);
      default ->
          throw new IllegalArgumentException(
              "a local journal record of unknown type " + payload[0]);
    };
  }

  private static byte[] encodeDraw(Draw d) {
    HoldRequest h = d.draw().stake();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(DRAW);
      out.writeLong(d.draw().floatHoldId());
      out.writeLong(h.idempotencyId().getMostSignificantBits());
      out.writeLong(h.idempotencyId().getLeastSignificantBits());
      out.writeLong(h.debitAccountId());
      out.writeLong(h.creditAccountId());
      out.writeLong(h.amount());
      out.writeUTF(h.currency());
      out.writeUTF(h.kind().wireName());
      out.writeLong(h.timeout().toMillis());
      out.writeBoolean(h.metadata() != null);
      if (h.metadata() != null) {
        out.writeUTF(h.metadata());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Draw decodeDraw(byte[] payload) {
    try (DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(payload, 1, payload.length - 1))) {
      long floatHoldId = in.readLong();
      UUID id = new UUID(in.readLong(), in.readLong());
      long debit = in.readLong();
      long credit = in.readLong();
      long amount = in.readLong();
      String currency = in.readUTF();
      TransferKind kind = TransferKind.fromWireName(in.readUTF());
      Duration timeout = Duration.ofMillis(in.readLong());
      String metadata = in.readBoolean() ? in.readUTF() : null;
      if (in.available() != 0) {
        throw new IllegalArgumentException("a draw record with " + in.available() + " extra bytes");
      }
      return new Draw(
          new FloatDraws.Draw(
              floatHoldId,
              new HoldRequest(id, debit, credit, amount, currency, kind, timeout, metadata)));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("a draw record that cannot be read: " + e.getMessage(), e);
    }
  }
}
