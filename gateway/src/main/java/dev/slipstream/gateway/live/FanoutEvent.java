package dev.slipstream.gateway.live;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.wire.v1.ServerMessage;
import org.jspecify.annotations.Nullable;

/**
 * One bus event ready to fan out: its offset, its conflation key, and the encoded {@code
 * ServerMessage} payload field, built once however many sockets receive it. Each socket adds its
 * own subscription id and sequence in front of these bytes (protobuf fields may come in any order,
 * and these are the lower-numbered ones anyway).
 */
final class FanoutEvent {
  private final long offset;
  private final String key;
  private final byte[] payloadField;
  private volatile @Nullable ServerMessage template;

  FanoutEvent(long offset, String key, byte[] payloadField) {
    this.offset = offset;
    this.key = key;
    this.payloadField = payloadField;
  }

  long offset() {
    return offset;
  }

  /** The conflation key: latest per key is what a snapshot keeps (a market id, or one key). */
  String key() {
    return key;
  }

  /** The {@code ServerMessage} bytes carrying only the payload field. */
  byte[] payloadField() {
    return payloadField;
  }

  /** The payload as a message, parsed once on first use (the JSON format needs it). */
  ServerMessage template() {
    ServerMessage parsed = template;
    if (parsed == null) {
      try {
        parsed = ServerMessage.parseFrom(payloadField);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a fan-out event was encoded wrongly", e);
      }
      template = parsed;
    }
    return parsed;
  }
}
