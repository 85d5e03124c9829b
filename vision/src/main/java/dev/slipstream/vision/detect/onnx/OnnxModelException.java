package dev.slipstream.vision.detect.onnx;

/**
 * An ONNX model file is missing, unreadable, not a model ONNX Runtime can load, or breaks the
 * detector's input/output contract. Thrown while a detector is created (or, for an output whose
 * shape the model left open, on the frame that shows it); the message names the file and, for a
 * contract breach, the shapes found and expected.
 */
public final class OnnxModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file. */
  public OnnxModelException(String message) {
    super(message);
  }

  /** Creates the exception with a message that names the file and the failure beneath it. */
  public OnnxModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
