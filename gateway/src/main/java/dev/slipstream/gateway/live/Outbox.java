package dev.slipstream.gateway.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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

  /** Sends one encoded frame ({@code byte[]} for binary, {@code String} for JSON). */
  void send(Object frame) {
    if (closed) {
      return;
    }
    inFlight.incrementAndGet();
    switch (frame) {
      case byte[] bytes -> sink.sendBinary(bytes, this::written, this::failed);
      case String text -> sink.sendText(text, this::written, this::failed);
      default -> throw new IllegalArgumentException("not a frame: " + frame.getClass());
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
