package dev.slipstream.gateway.live;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A socket's frames to Jetty's WebSocket session, sent without blocking. */
final class JettySink implements FrameSink {
  private final Session session;

  JettySink(Session session) {
    this.session = session;
  }

  @Override
  public void sendBinary(byte[] frame, Runnable written, Consumer<Throwable> failed) {
    session.sendBinary(ByteBuffer.wrap(frame), Callback.from(written, failed));
  }

  @Override
  public void sendText(String frame, Runnable written, Consumer<Throwable> failed) {
    session.sendText(frame, Callback.from(written, failed));
  }

  @Override
  public void close(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
  }
}
