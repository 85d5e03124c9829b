package dev.slipstream.platform;

/** The caller did not prove it may do this, e.g. a missing or wrong publish key (HTTP 401). */
public final class UnauthorizedException extends RejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code a stable snake_case code such as {@code invalid_publish_key}
   * @param message one sentence saying what happened
   */
  public UnauthorizedException(String code, String message) {
    super(code, message);
  }
}
