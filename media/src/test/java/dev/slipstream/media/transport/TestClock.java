package dev.slipstream.media.transport;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand; read from the mux's threads. */
final class TestClock implements InstantSource {
  private volatile Instant now = Instant.parse("2026-11-24T10:00:00Z");

  void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
