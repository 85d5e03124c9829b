package dev.slipstream.media.decode;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-frame mailbox between a tap's decoder thread and its sink thread. Putting a frame while the
 * previous one still waits replaces it (counted as dropped): the sink always gets the newest frame
 * and never a backlog, so its latency cannot grow.
 */
final class SinkHandOff {
  private static final Logger log = LoggerFactory.getLogger(SinkHandOff.class);

  private final String streamId;
  private final FrameSink sink;
  private final InstantSource clock;
  private final AtomicReference<@Nullable DecodedFrame> waiting = new AtomicReference<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong droppedBusy = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final Thread thread;
  private volatile boolean finished;
  private volatile double lastDelayMillis;

  SinkHandOff(String streamId, FrameSink sink, InstantSource clock) {
    this.streamId = streamId;
    this.sink = sink;
    this.clock = clock;
    this.thread = new Thread(this::run, "frame-sink-" + streamId);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Leaves a frame for the sink; called by the decoder thread. */
  void put(DecodedFrame frame) {
    if (waiting.getAndSet(frame) != null) {
      droppedBusy.incrementAndGet();
    }
    LockSupport.unpark(thread);
  }

  /** No more frames: the sink thread delivers what waits, then ends the sink. */
  void finish() {
    finished = true;
    LockSupport.unpark(thread);
  }

  long delivered() {
    return delivered.get();
  }

  long droppedBusy() {
    return droppedBusy.get();
  }

  long failures() {
    return failures.get();
  }

  double lastDelayMillis() {
    return lastDelayMillis;
  }

  private void run() {
    while (true) {
      DecodedFrame frame = waiting.getAndSet(null);
      if (frame != null) {
        deliver(frame);
      } else if (finished) {
        break;
      } else {
        LockSupport.parkNanos(this, 100_000_000L);
      }
    }
    try {
      sink.onEnd();
    } catch (RuntimeException e) {
      log.warn("stream {}: frame sink failed at the end: {}", streamId, e.toString());
    }
  }

  private void deliver(DecodedFrame frame) {
    lastDelayMillis = Duration.between(frame.arrivedAt(), clock.instant()).toNanos() / 1e6;
    try {
      sink.onFrame(frame);
      delivered.incrementAndGet();
    } catch (RuntimeException e) {
      if (failures.incrementAndGet() <= 3) {
        log.warn(
            "stream {}: frame sink failed on frame {}: {}", streamId, frame.index(), e.toString());
      }
    }
  }
}
