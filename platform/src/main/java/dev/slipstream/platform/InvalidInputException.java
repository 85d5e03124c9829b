package dev.slipstream.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Thrown by a module's public API when what a caller sent is wrong; the gateway answers it as HTTP
 * 400 with the {@link #code()} and the message as the human sentence.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code a stable, machine-readable snake_case code such as {@code invalid_title}
   * @param message one sentence saying what was wrong and what is allowed
   */
  public InvalidInputException(String code, String message) {
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
