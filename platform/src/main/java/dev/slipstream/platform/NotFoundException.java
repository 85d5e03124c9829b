package dev.slipstream.platform;

/** The thing asked for does not exist (HTTP 404). */
public final class NotFoundException extends RejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code a stable snake_case code such as {@code stream_not_found}
   * @param message one sentence saying what happened
   */
  public NotFoundException(String code, String message) {
    super(code, message);
  }
}
