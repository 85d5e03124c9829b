package dev.slipstream.ledger.fraud;

import java.util.Locale;

/** When a device and address were seen with an account. */
public enum SightingEvent {
  REGISTRATION,
  LOGIN,
  DEPOSIT;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
