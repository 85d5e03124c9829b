package dev.slipstream.markets.sequencer;

import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.PlaceBet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine commands as journal bytes: a one-byte tag, then the fields in order (strings as UTF, the
 * bet as its protobuf). Versioned by the tags: a new field means a new tag.
 */
final class CommandCodec {
  private CommandCodec() {}

  static byte[] encode(EngineCommand command) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      switch (command) {
        case EngineCommand.Open o -> {
          out.writeByte(1);
          out.writeUTF(o.marketId());
          out.writeUTF(o.streamId());
          out.writeUTF(o.currency());
          out.writeInt(o.selectionIds().size());
          for (String id : o.selectionIds()) {
            out.writeUTF(id);
          }
          ints(out, o.oddsBp());
          RiskLimits l = o.limits();
          out.writeLong(l.minStakeMinor());
          out.writeLong(l.maxStakeMinor());
          out.writeLong(l.liabilityCapMinor());
          out.writeDouble(l.betsPerAccountPerSecond());
          out.writeInt(l.burst());
        }
        case EngineCommand.Reprice r -> {
          out.writeByte(2);
          out.writeUTF(r.marketId());
          ints(out, r.oddsBp());
        }
        case EngineCommand.Place p -> {
          out.writeByte(3);
          byte[] bet = p.bet().toByteArray();
          out.writeInt(bet.length);
          out.write(bet);
          out.writeLong(p.receivedNanos());
        }
        case EngineCommand.Suspend s -> {
          out.writeByte(4);
          out.writeUTF(s.marketId());
          out.writeLong(s.mediaTimeUs());
        }
        case EngineCommand.Reopen r -> {
          out.writeByte(5);
          out.writeUTF(r.marketId());
        }
        case EngineCommand.Close c -> {
          out.writeByte(6);
          out.writeUTF(c.marketId());
          out.writeLong(c.mediaTimeUs());
        }
        case EngineCommand.Settle s -> {
          out.writeByte(7);
          out.writeUTF(s.marketId());
          out.writeInt(s.winningSelection());
        }
        case EngineCommand.Void v -> {
          out.writeByte(8);
          out.writeUTF(v.marketId());
        }
        case EngineCommand.ConfirmPending c -> {
          out.writeByte(9);
          out.writeUTF(c.streamId());
          out.writeLong(c.mediaTimeUs());
        }
        case EngineCommand.Release r -> {
          boolean refused = r.code() != BetRejectCode.BET_REJECT_CODE_UNSPECIFIED;
          out.writeByte(refused ? 12 : 10);
          out.writeUTF(r.betId());
          if (refused) {
            out.writeInt(r.code().getNumber());
            out.writeUTF(r.detail());
          }
        }
        case EngineCommand.SetAccountRisk a -> {
          out.writeByte(11);
          out.writeUTF(a.accountId());
          out.writeDouble(a.confidence());
          out.writeLong(a.betDelayMicros());
          out.writeBoolean(a.blocked());
        }
        case EngineCommand.Cancel c -> {
          out.writeByte(13);
          out.writeUTF(c.betId());
          out.writeUTF(c.accountId());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static EngineCommand decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int tag = in.readUnsignedByte();
      return switch (tag) {
        case 1 -> {
          String market = in.readUTF();
          String stream = in.readUTF();
          String currency = in.readUTF();
          int n = in.readInt();
          List<String> selections = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            selections.add(in.readUTF());
          }
          int[] odds = ints(in);
          RiskLimits limits =
              new RiskLimits(
                  in.readLong(), in.readLong(), in.readLong(), in.readDouble(), in.readInt());
          yield new EngineCommand.Open(market, stream, currency, selections, odds, limits);
        }
        case 2 -> new EngineCommand.Reprice(in.readUTF(), ints(in));
        case 3 -> {
          byte[] bet = new byte[in.readInt()];
          in.readFully(bet);
          yield new EngineCommand.Place(PlaceBet.parseFrom(bet), in.readLong());
        }
        case 4 -> new EngineCommand.Suspend(in.readUTF(), in.readLong());
        case 5 -> new EngineCommand.Reopen(in.readUTF());
        case 6 -> new EngineCommand.Close(in.readUTF(), in.readLong());
        case 7 -> new EngineCommand.Settle(in.readUTF(), in.readInt());
        case 8 -> new EngineCommand.Void(in.readUTF());
        case 9 -> new EngineCommand.ConfirmPending(in.readUTF(), in.readLong());
        case 10 -> new EngineCommand.Release(in.readUTF());
        case 11 ->
            new EngineCommand.SetAccountRisk(
                in.readUTF(), in.readDouble(), in.readLong(), in.readBoolean());
        case 12 -> {
          String betId = in.readUTF();
          BetRejectCode code = BetRejectCode.forNumber(in.readInt());
          if (code == null) {
            throw new IllegalStateException("journal entry with an unknown reject code");
          }
          yield new EngineCommand.Release(betId, code, in.readUTF());
        }
        case 13 -> new EngineCommand.Cancel(in.readUTF(), in.readUTF());
        default -> throw new IllegalStateException("journal entry with unknown tag " + tag);
      };
    } catch (IOException e) {
      throw new IllegalStateException("journal entry is corrupt: " + e.getMessage(), e);
    }
  }

  private static void ints(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static int[] ints(DataInputStream in) throws IOException {
    int[] values = new int[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }
}
