package dev.slipstream.vision.detect;

/**
 * A detector cannot use a frame: it is a different size from the stream's, or it changed too much
 * at once to be a picture of the same scene (a corrupt decode, the camera cut or jolted). The
 * pipeline skips such a frame and counts it under {@link #code()}; the stream carries on.
 */
public final class FrameRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A frame whose size differs from the stream's first frame. */
  public static final String FRAME_SIZE_CHANGED = "frame_size_changed";

  /** A frame where most of the picture differs from the background at once. */
  public static final String FOREGROUND_FLOOD = "foreground_flood";

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code a stable snake_case reason, such as {@link #FRAME_SIZE_CHANGED}
   * @param message one sentence saying what was wrong with the frame
   */
  public FrameRejectedException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Returns the stable reason code the pipeline counts the skipped frame under. */
  public String code() {
    return code;
  }
}
