package dev.slipstream.wire;

/**
 * Signals that bytes are not a valid encoding of the message type a receiver expected.
 *
 * <p>Checked, because malformed input from a client or a peer is an expected outcome that the
 * receiver must answer (for example with a {@code REQUEST_ERROR_CODE_MALFORMED} reply), not a
 * programming error.
 */
public final class MalformedMessageException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String typeName;
  private final int byteCount;

  /**
   * Creates the exception for a failed decode.
   *
   * @param typeName fully qualified protobuf name of the expected type
   * @param byteCount number of bytes refused
   * @param cause the protobuf runtime's description of the fault
   */
  public MalformedMessageException(String typeName, int byteCount, Throwable cause) {
    super(
        typeName + ": " + byteCount + " bytes are not a valid message (" + cause.getMessage() + ")",
        cause);
    this.typeName = typeName;
    this.byteCount = byteCount;
  }

  /**
   * Returns the fully qualified protobuf name of the expected type.
   *
   * @return for example {@code slipstream.v1.PlaceBet}
   */
  public String typeName() {
    return typeName;
  }

  /**
   * Returns the number of bytes that were refused.
   *
   * @return the length of the rejected input
   */
  public int byteCount() {
    return byteCount;
  }
}
