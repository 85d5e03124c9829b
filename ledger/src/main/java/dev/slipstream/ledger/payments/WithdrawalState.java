package dev.slipstream.ledger.payments;

import java.util.Locale;

/**
 * Where a withdrawal stands: {@code REQUESTED → IN_REVIEW → APPROVED → PAID}, with {@code REQUESTED
 * → APPROVED} for amounts within the review threshold, {@code IN_REVIEW → REJECTED} by an operator
 * and {@code → FAILED} when the payout fails or the hold lapses.
 */
public enum WithdrawalState {
  /** Recorded; its hold is being placed. */
  REQUESTED,
  /** Held, waiting for an operator because of its amount. */
  IN_REVIEW,
  /** Held and approved; the payout was started. */
  APPROVED,
  /** The provider paid it out; the hold was posted to clearing. */
  PAID,
  /** An operator refused it; the hold was voided. */
  REJECTED,
  /** The payout failed or the hold lapsed; the money stays in the wallet. */
  FAILED;

  /** Returns whether nothing more will happen to a withdrawal in this state. */
  public boolean isFinal() {
    return this == PAID || this == REJECTED || this == FAILED;
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WithdrawalState fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
