package dev.slipstream.ledger.payments;

import java.util.Locale;

/**
 * Where a deposit stands: {@code PENDING → SUCCEEDED | DECLINED | FAILED}, {@code SUCCEEDED →
 * REVERSED} by a chargeback, and {@code FAILED → SUCCEEDED} only when a deposit the platform timed
 * out is confirmed late (the card was charged, so the player gets the money).
 */
public enum IntentState {
  /** Started at the provider; no result yet. */
  PENDING,
  /** The provider took the money and the wallet was credited. */
  SUCCEEDED,
  /** The provider refused the payment; no money moved. */
  DECLINED,
  /** The platform gave up on it (reason {@code timeout}); no money moved. */
  FAILED,
  /** A chargeback took the money back after it succeeded. */
  REVERSED;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static IntentState fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
