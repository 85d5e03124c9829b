package dev.slipstream.gateway.live;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.jspecify.annotations.Nullable;

/**
 * A socket's frames to Jetty's WebSocket session, sent without blocking. The socket's {@link
 * Outbox} passes the same completions with every frame, so their Jetty callback is built once.
 *
 * <p>Binary frames go to Jetty's core session, which can hold frames sent with {@code more} in the
 * socket's batch buffer and write them together with the next frame that is not (or on {@link
 * #flush}): a socket that is owed several updates gets them in one network write. Jetty's public
 * session API always writes each frame on its own.
 */
final class JettySink implements FrameSink {
  private final Session session;
  private final @Nullable CoreSession core;
  private volatile @Nullable Completions completions;

  private record Completions(
      Runnable written,
      Consumer<Throwable> failed,
      Callback callback,
      org.eclipse.jetty.util.Callback coreCallback) {}

  JettySink(Session session) {
    this.session = session;
    this.core = session instanceof WebSocketSession jetty ? jetty.getCoreSession() : null;
  }

  @Override
  public void sendBinary(
      ByteBuffer frame, boolean more, Runnable written, Consumer<Throwable> failed) {
    Completions completions = completions(written, failed);
    if (core != null) {
      core.sendFrame(new Frame(OpCode.BINARY).setPayload(frame), completions.coreCallback(), more);
    } else {
      session.sendBinary(frame, completions.callback());
    }
  }

  @Override
  public void flush() {
    if (core != null) {
      core.flush(org.eclipse.jetty.util.Callback.NOOP);
    }
  }

  @Override
  public void sendText(String frame, Runnable written, Consumer<Throwable> failed) {
    session.sendText(frame, completions(written, failed).callback());
  }

  private Completions completions(Runnable written, Consumer<Throwable> failed) {
    Completions known = completions;
    if (known != null && known.written() == written && known.failed() == failed) {
      return known;
    }
    known =
        new Completions(
            written,
            failed,
            Callback.from(written, failed),
            org.eclipse.jetty.util.Callback.from(written, failed));
    completions = known;
    return known;
  }

  @Override
  public void close(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
  }
}
