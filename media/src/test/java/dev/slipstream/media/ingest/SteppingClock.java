package dev.slipstream.media.ingest;

import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to, and a pacer that moves it instead of sleeping. */
final class SteppingClock implements InstantSource {
  private volatile long millis;

  SteppingClock(long startMillis) {
    this.millis = startMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public long millis() {
    return millis;
  }

  void advance(long by) {
    millis += by;
  }

  Pacer pacer() {
    return epochMillis -> millis = Math.max(millis, epochMillis);
  }
}
