package dev.slipstream.media.sfu;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate-limits keyframe requests to a publisher: many viewers joining or losing packets at once turn
 * into at most one PLI per interval, since each keyframe costs the publisher a burst of bitrate.
 */
final class KeyframeRequests {
  private final InstantSource clock;
  private final long intervalMillis;
  private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE / 2);

  KeyframeRequests(InstantSource clock, Duration interval) {
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
  }

  /** Returns true when a request may go out now (and records that it did). */
  boolean tryAcquire() {
    long now = clock.millis();
    long last = lastMillis.get();
    return now - last >= intervalMillis && lastMillis.compareAndSet(last, now);
  }
}
