package dev.slipstream.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request a module refused, with a stable machine-readable code and one human sentence. The kind
 * of refusal is the subclass; the gateway maps each to its HTTP status.
 */
public abstract sealed class RejectedException extends RuntimeException
    permits InvalidInputException, NotFoundException, ConflictException, UnauthorizedException {
  private static final long serialVersionUID = 1L;
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code a stable snake_case code such as {@code invalid_title}
   * @param message one sentence saying what was wrong and what is allowed
   */
  protected RejectedException(String code, String message) {
    super(Objects.requireNonNull(message, "message"));
    if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
      throw new IllegalArgumentException("error code must be snake_case (was " + code + ")");
    }
    this.code = code;
  }

  /** Returns the stable, machine-readable error code. */
  public String code() {
    return code;
  }
}
