package dev.slipstream.server.config;

/**
 * Thrown when a setting is wrong; the message is one line naming the setting as the user gave it,
 * the value and what is allowed, e.g. {@code SLIPSTREAM_HTTP_PORT=70000: must be 1–65535}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its one-line message. */
  public ConfigException(String message) {
    super(message);
  }
}
