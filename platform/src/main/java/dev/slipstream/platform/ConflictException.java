package dev.slipstream.platform;

/**
 * The request clashes with the current state, e.g. publishing to a stream that already has a
 * publisher (HTTP 409).
 */
public final class ConflictException extends RejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code a stable snake_case code such as {@code stream_already_live}
   * @param message one sentence saying what happened
   */
  public ConflictException(String code, String message) {
    super(code, message);
  }
}
