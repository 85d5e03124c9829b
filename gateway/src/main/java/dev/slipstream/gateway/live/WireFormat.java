package dev.slipstream.gateway.live;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a socket's server messages are framed: binary protobuf (the default) or the protobuf JSON
 * mapping in text frames ({@code ?format=json}). Client messages are read by frame type whatever
 * the format: binary frames as protobuf, text frames as JSON.
 */
enum WireFormat {
  /** One {@code ServerMessage} per binary frame. */
  PROTOBUF,
  /** One {@code ServerMessage} per text frame, in the protobuf JSON mapping. */
  JSON;

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  /** Returns the format the {@code format} query parameter asks for, or null if it names none. */
  static @Nullable WireFormat parse(@Nullable String name) {
    if (name == null || name.isEmpty()) {
      return PROTOBUF;
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "protobuf", "proto", "binary" -> PROTOBUF;
      default -> null;
    };
  }

  /** Encodes a whole message as a frame. */
  Object encode(ServerMessage message) {
    return this == PROTOBUF ? message.toByteArray() : json(message);
  }

  /** Encodes one event of a subscription: its id and sequence, then the shared payload. */
  Object encode(String subscriptionId, long sequence, FanoutEvent event) {
    if (this == JSON) {
      return json(
          event.template().toBuilder()
              .setSubscriptionId(subscriptionId)
              .setSequence(sequence)
              .build());
    }
    byte[] payload = event.payloadField();
    byte[] out =
        new byte
            [CodedOutputStream.computeStringSize(
                    ServerMessage.SUBSCRIPTION_ID_FIELD_NUMBER, subscriptionId)
                + CodedOutputStream.computeUInt64Size(ServerMessage.SEQUENCE_FIELD_NUMBER, sequence)
                + payload.length];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      stream.writeString(ServerMessage.SUBSCRIPTION_ID_FIELD_NUMBER, subscriptionId);
      stream.writeUInt64(ServerMessage.SEQUENCE_FIELD_NUMBER, sequence);
      stream.writeRawBytes(payload);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Reads a binary frame. */
  static ClientMessage decode(byte[] frame) throws InvalidProtocolBufferException {
    return ClientMessage.parseFrom(frame);
  }

  /** Reads a text frame. */
  static ClientMessage decode(String frame) throws InvalidProtocolBufferException {
    ClientMessage.Builder message = ClientMessage.newBuilder();
    PARSER.merge(frame, message);
    return message.build();
  }

  private static String json(ServerMessage message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a server message cannot be printed as JSON", e);
    }
  }
}
