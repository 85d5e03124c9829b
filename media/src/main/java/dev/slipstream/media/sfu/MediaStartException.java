package dev.slipstream.media.sfu;

/** Thrown when the media plane cannot start, e.g. its UDP port is taken; the message says which. */
public final class MediaStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line, actionable message. */
  public MediaStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
