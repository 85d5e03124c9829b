package dev.slipstream.platform;

/** What a caller sent is malformed or out of range (HTTP 400). */
public final class InvalidInputException extends RejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code a stable snake_case code such as {@code invalid_title}
   * @param message one sentence saying what was wrong and what is allowed
   */
  public InvalidInputException(String code, String message) {
    super(code, message);
  }
}
