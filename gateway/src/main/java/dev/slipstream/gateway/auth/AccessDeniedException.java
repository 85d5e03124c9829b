package dev.slipstream.gateway.auth;

import java.util.Objects;

/**
 * The caller is known but may not do this (HTTP 403), e.g. a viewer ending a stream or a cookie
 * request without its CSRF token.
 */
public final class AccessDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code a stable snake_case code such as {@code forbidden}
   * @param message one sentence saying what is missing
   */
  public AccessDeniedException(String code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Returns the stable, machine-readable code. */
  public String code() {
    return code;
  }
}
