package dev.slipstream.gateway.live;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The network side of one socket: sends a frame without blocking and reports when it was written.
 * The server's is Jetty's session; tests hand-write their own.
 */
interface FrameSink {
  /**
   * Sends a binary frame, reading {@code frame} from its position to its limit (the caller does not
   * touch that buffer again; its bytes may be shared with other sockets and must not be changed);
   * exactly one of {@code written} and {@code failed} runs later.
   *
   * @param more whether the caller sends another frame straight after or calls {@link #flush}: the
   *     frame may then wait and go out in one network write with the next ones
   */
  void sendBinary(ByteBuffer frame, boolean more, Runnable written, Consumer<Throwable> failed);

  /** Writes out the frames sent with {@code more} that still wait. */
  void flush();

  /** Sends a text frame; exactly one of {@code written} and {@code failed} runs later. */
  void sendText(String frame, Runnable written, Consumer<Throwable> failed);

  /** Closes the socket with a WebSocket close code and reason. */
  void close(int code, String reason);
}
