package dev.slipstream.media.ingest;

import java.time.InstantSource;

/** Waits until a moment on a clock; tests substitute one that moves a fake clock instead. */
@FunctionalInterface
interface Pacer {
  /** Returns once the clock reads {@code epochMillis} or later. */
  void awaitMillis(long epochMillis) throws InterruptedException;

  /** Sleeps on the real scheduler, checking {@code clock} so that it decides when time is up. */
  static Pacer sleeping(InstantSource clock) {
    return epochMillis -> {
      long remaining;
      while ((remaining = epochMillis - clock.millis()) > 0) {
        Thread.sleep(Math.min(remaining, 100));
      }
    };
  }
}
