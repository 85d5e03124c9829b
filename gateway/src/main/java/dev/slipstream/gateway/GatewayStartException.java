package dev.slipstream.gateway;

/** Thrown when the gateway cannot start listening; the message says where and why. */
public final class GatewayStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line, actionable message. */
  public GatewayStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
