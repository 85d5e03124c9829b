package dev.slipstream.gateway.live;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A socket's network side for tests: keeps every binary frame (the buffer as handed over) and
 * completes each write at once (whether or not it was sent with {@code more}), or holds the
 * completions while {@link #stalled} to act as a client that reads nothing.
 */
final class RecordingSink implements FrameSink {
  final List<ByteBuffer> frames = new ArrayList<>();
  final List<Runnable> pending = new ArrayList<>();
  volatile boolean stalled;
  // Whether the last frame was sent with more and no flush has come since.
  boolean unflushed;

  @Override
  public synchronized void sendBinary(
      ByteBuffer frame, boolean more, Runnable written, Consumer<Throwable> failed) {
    frames.add(frame);
    unflushed = more;
    if (stalled) {
      pending.add(written);
    } else {
      written.run();
    }
  }

  @Override
  public synchronized void sendText(String frame, Runnable written, Consumer<Throwable> failed) {
    throw new UnsupportedOperationException("the recording sink takes binary frames only");
  }

  @Override
  public synchronized void flush() {
    unflushed = false;
  }

  /** Whether a frame sent with {@code more} was left waiting for a flush that never came. */
  synchronized boolean leftUnflushed() {
    return unflushed;
  }

  @Override
  public void close(int code, String reason) {}

  /** Frames received so far. */
  synchronized List<ByteBuffer> frames() {
    return List.copyOf(frames);
  }

  /** Lets the held writes complete, as a client that starts reading again. */
  void drain() {
    List<Runnable> held;
    synchronized (this) {
      stalled = false;
      held = List.copyOf(pending);
      pending.clear();
    }
    held.forEach(Runnable::run);
  }
}
