package dev.slipstream.media.decode;

/**
 * Where a stream's decoded frames go, for vision and thumbnails. Called on the tap's own sink
 * thread, one frame at a time; a sink slower than the frame rate gets the newest frame when it is
 * ready again and the ones in between are dropped (counted), so video never waits for it.
 */
@FunctionalInterface
public interface FrameSink {

  /** Takes one decoded frame; the frame is the sink's to keep. */
  void onFrame(DecodedFrame frame);

  /**
   * Called once, after the last frame, when the tap closes: the stream stopped being live or the
   * tap was closed.
   */
  default void onEnd() {}
}
