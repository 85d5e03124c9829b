package dev.slipstream.platform.db;

/**
 * Thrown when the database cannot be started or reached; its message is one sentence a person can
 * act on, naming the location and the cause.
 */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with an actionable message and the underlying cause. */
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with an actionable message. */
  public DatabaseUnavailableException(String message) {
    super(message);
  }
}
