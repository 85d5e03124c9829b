package dev.slipstream.gateway.live;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.wire.v1.ServerMessage;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * One bus event ready to fan out: its offset, its conflation key, and the encoded {@code
 * ServerMessage} payload field, built once however many sockets receive it. Each socket adds its
 * own subscription id and sequence in front of these bytes (protobuf fields may come in any order,
 * and these are the lower-numbered ones anyway).
 *
 * <p>Sockets that name their subscriptions alike (every client of one web app does) get the very
 * same frame, so the last frame built is kept ({@link #frame}) and handed to every such socket: an
 * update is encoded once per distinct subscription id and format, not once per socket.
 */
final class FanoutEvent {
  private final long offset;
  private final String key;
  private final byte[] payloadField;
  private volatile @Nullable ServerMessage template;
  private volatile @Nullable Frame last;

  /** A built frame: read-only binary bytes or JSON text, for one subscription id and format. */
  private record Frame(String subscriptionId, WireFormat format, Object frame) {}

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

  /**
   * This event as the frame of subscription {@code subscriptionId} in {@code format}, its sequence
   * being its offset: a read-only {@link ByteBuffer} (share it through {@link
   * ByteBuffer#duplicate()}) or a JSON {@code String}. Built once and reused while the next socket
   * asks for the same subscription id and format.
   */
  Object frame(String subscriptionId, WireFormat format) {
    Frame cached = last;
    if (cached != null
        && cached.format() == format
        && cached.subscriptionId().equals(subscriptionId)) {
      return cached.frame();
    }
    Object frame =
        switch (format.encode(subscriptionId, offset, this)) {
          case byte[] bytes -> ByteBuffer.wrap(bytes).asReadOnlyBuffer();
          case Object text -> text;
        };
    last = new Frame(subscriptionId, format, frame);
    return frame;
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
