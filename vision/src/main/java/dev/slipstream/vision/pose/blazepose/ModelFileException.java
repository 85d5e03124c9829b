package dev.slipstream.vision.pose.blazepose;

/**
 * A model file is missing, changed or unreadable. Thrown while a detector or estimator is being
 * created, never while frames are processed; the message names the file and what is wrong.
 */
public final class ModelFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file. */
  public ModelFileException(String message) {
    super(message);
  }

  /** Creates the exception with a message that names the file and the failure beneath it. */
  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
