package dev.slipstream.media.rtp;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when the test says so. */
final class FakeClock implements InstantSource {
  private Instant now = Instant.parse("2026-11-24T10:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }
}
