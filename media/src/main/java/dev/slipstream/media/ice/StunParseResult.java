package dev.slipstream.media.ice;

/** The outcome of {@link StunMessage#decode}: a message, or why the bytes are not one. */
public sealed interface StunParseResult {

  /** The bytes held a well-formed message. */
  record Parsed(ReceivedStun stun) implements StunParseResult {}

  /**
   * The bytes are not a well-formed STUN message.
   *
   * @param error the kind of defect, stable enough to count
   * @param detail one sentence for a log line
   */
  record Malformed(StunParseError error, String detail) implements StunParseResult {}
}
