package dev.slipstream.gateway.live;

import java.util.function.Consumer;

/**
 * The network side of one socket: sends a frame without blocking and reports when it was written.
 * The server's is Jetty's session; tests hand-write their own.
 */
interface FrameSink {
  /** Sends a binary frame; exactly one of {@code written} and {@code failed} runs later. */
  void sendBinary(byte[] frame, Runnable written, Consumer<Throwable> failed);

  /** Sends a text frame; exactly one of {@code written} and {@code failed} runs later. */
  void sendText(String frame, Runnable written, Consumer<Throwable> failed);

  /** Closes the socket with a WebSocket close code and reason. */
  void close(int code, String reason);
}
