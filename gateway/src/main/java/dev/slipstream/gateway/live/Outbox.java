package dev.slipstream.gateway.live;

import dev.slipstream.wire.v1.RequestError;
import dev.slipstream.wire.v1.RequestErrorCode;
import dev.slipstream.wire.v1.ServerMessage;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One socket's way out, bounded: counts the frames handed to the network that are not yet written.
 * At {@code limit} the socket is full: its market and analytics feeds stop sending and wait ({@link
 * #awaitRoom}); once half the queue has drained they are woken to send a conflated snapshot.
 * Replies and account events are always sent (they are rate-limited and few), so the count may pass
 * the limit by those.
 */
final class Outbox {
  private final FrameSink sink;
  private final WireFormat format;
  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<Feed> waiting = ConcurrentHashMap.newKeySet();
  // The same two completions for every frame, so a send allocates no callback of its own.
  private final Runnable onWritten = this::written;
  private final Consumer<Throwable> onFailed = this::failed;
  private volatile boolean closed;

  Outbox(FrameSink sink, WireFormat format, int limit) {
    this.sink = sink;
    this.format = format;
    this.limit = limit;
  }

  WireFormat format() {
    return format;
  }

  /** Whether the queue is at its bound. */
  boolean full() {
    return inFlight.get() >= limit;
  }

  /** Frames handed over and not yet written. */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Sends one encoded frame: {@code byte[]} or a {@link ByteBuffer} (which may be shared: only a
   * duplicate is handed over) for binary, {@code String} for JSON.
   */
  void send(Object frame) {
    send(frame, false);
  }

  /**
   * Sends one encoded frame as {@link #send(Object)} does; with {@code more}, a binary frame may
   * wait for the caller's next frame or {@link #flush} and go out in the same network write.
   */
  void send(Object frame, boolean more) {
    if (closed) {
      return;
    }
    inFlight.incrementAndGet();
    switch (frame) {
      case ByteBuffer shared -> sink.sendBinary(shared.duplicate(), more, onWritten, onFailed);
      case byte[] bytes -> sink.sendBinary(ByteBuffer.wrap(bytes), more, onWritten, onFailed);
      case String text -> sink.sendText(text, onWritten, onFailed);
      default -> throw new IllegalArgumentException("not a frame: " + frame.getClass());
    }
  }

  /** Sends {@code ServerMessage{request_id, error}}: the request failed and changed nothing. */
  void sendError(String requestId, RequestErrorCode code, String detail) {
    send(
        format.encode(
            ServerMessage.newBuilder()
                .setRequestId(requestId)
                .setError(RequestError.newBuilder().setCode(code).setMessage(detail))
                .build()));
  }

  /** Writes out the frames sent with {@code more} that still wait. */
  void flush() {
    if (!closed) {
      sink.flush();
    }
  }

  /** Registers {@code feed} to be signalled once the queue has drained to half. */
  void awaitRoom(Feed feed) {
    waiting.add(feed);
    // The queue may have drained between the feed seeing it full and registering.
    if (inFlight.get() <= limit / 2) {
      wake();
    }
  }

  /** Stops sending; frames handed over later are dropped. */
  void close() {
    closed = true;
    waiting.clear();
  }

  void closeSocket(int code, String reason) {
    close();
    sink.close(code, reason);
  }

  private void written() {
    if (inFlight.decrementAndGet() <= limit / 2 && !waiting.isEmpty()) {
      wake();
    }
  }

  private void failed(Throwable failure) {
    inFlight.decrementAndGet();
    close();
  }

  private void wake() {
    for (Feed feed : waiting) {
      if (waiting.remove(feed)) {
        // Off the network thread that completed the write: the feed may read from the bus.
        Thread.startVirtualThread(feed::signal);
      }
    }
  }
}
