package dev.slipstream.platform.state;

/**
 * Thrown when the store behind the state store or the event bus (Redis) cannot be reached or
 * refuses a command; its message names the store, the operation and the cause.
 */
public final class SharedStateUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with an actionable message and the underlying cause. */
  public SharedStateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
