package dev.slipstream.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

/**
 * Decodes wire messages received from outside the process.
 *
 * <p>The generated {@code parseFrom} methods report only the low-level fault; a gateway that
 * answers a client, or a log line read later, also needs to know which message type was expected
 * and how many bytes were refused.
 */
public final class WireMessages {

  private WireMessages() {}

  /**
   * Decodes one message of the type of {@code prototype} from its binary encoding.
   *
   * @param prototype any instance of the wanted type, usually {@code X.getDefaultInstance()}
   * @param bytes the encoded message, exactly one message long
   * @param <T> the message type
   * @return the decoded message
   * @throws MalformedMessageException if the bytes are truncated or not a valid encoding
   */
  public static <T extends Message> T parse(T prototype, byte[] bytes)
      throws MalformedMessageException {
    try {
      @SuppressWarnings("unchecked") // a message's parser always yields its own type
      T message = (T) prototype.getParserForType().parseFrom(bytes);
      return message;
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedMessageException(
          prototype.getDescriptorForType().getFullName(), bytes.length, e);
    }
  }
}
