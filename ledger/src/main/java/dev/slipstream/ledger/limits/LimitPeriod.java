package dev.slipstream.ledger.limits;

import java.time.Duration;
import java.util.Locale;

/** The rolling window a limit counts over. */
public enum LimitPeriod {
  DAY(Duration.ofHours(24)),
  WEEK(Duration.ofDays(7)),
  MONTH(Duration.ofDays(30));

  private final Duration length;

  LimitPeriod(Duration length) {
    this.length = length;
  }

  /** How far back the window reaches. */
  public Duration length() {
    return length;
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static LimitPeriod of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }
}
