package dev.slipstream.bench.fanout;

import dev.slipstream.wire.v1.ServerMessage;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The WebSocket frames the benchmark needs, by hand: server frames (unmasked) parsed out of a byte
 * stream, and the one masked client frame a subscriber sends. The baseline sends the very same
 * server frames over plain TCP, so both runs parse and decode identical bytes.
 */
final class WsFrames {
  private WsFrames() {}

  /** Encodes {@code payload} as one unmasked binary frame, as a server sends it. */
  static byte[] serverFrame(byte[] payload) {
    int header = payload.length < 126 ? 2 : payload.length < 65_536 ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(header + payload.length);
    frame.put((byte) 0x82);
    if (payload.length < 126) {
      frame.put((byte) payload.length);
    } else if (payload.length < 65_536) {
      frame.put((byte) 126).putShort((short) payload.length);
    } else {
      frame.put((byte) 127).putLong(payload.length);
    }
    return frame.put(payload).array();
  }

  /** Encodes {@code payload} as one masked binary frame, as a client must send it. */
  static byte[] clientFrame(byte[] payload) {
    if (payload.length >= 126) {
      throw new IllegalArgumentException("client frames here are small");
    }
    byte[] mask = {0x1f, 0x2e, 0x3d, 0x4c};
    ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
    frame.put((byte) 0x82).put((byte) (0x80 | payload.length)).put(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.put((byte) (payload[i] ^ mask[i & 3]));
    }
    return frame.array();
  }

  /**
   * Takes every complete frame out of {@code buffer} (in read mode; left compacted for writing) and
   * hands binary ones to {@code sink} as messages; pings and other control frames are skipped.
   */
  static void drain(ByteBuffer buffer, Consumer<ServerMessage> sink) {
    while (buffer.remaining() >= 2) {
      int start = buffer.position();
      int opcode = buffer.get(start) & 0x0f;
      int length = buffer.get(start + 1) & 0x7f;
      int header = 2;
      if (length == 126) {
        if (buffer.remaining() < 4) {
          break;
        }
        length = buffer.getShort(start + 2) & 0xffff;
        header = 4;
      } else if (length == 127) {
        if (buffer.remaining() < 10) {
          break;
        }
        length = (int) buffer.getLong(start + 2);
        header = 10;
      }
      if (buffer.remaining() < header + length) {
        break;
      }
      if (opcode == 2) {
        try {
          sink.accept(ServerMessage.parseFrom(buffer.slice(start + header, length)));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          throw new IllegalStateException("not a ServerMessage", e);
        }
      }
      buffer.position(start + header + length);
    }
    buffer.compact();
  }
}
