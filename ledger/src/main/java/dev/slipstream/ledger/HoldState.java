package dev.slipstream.ledger;

import java.util.Locale;

/** Where a hold is in its life: pending until posted, voided or expired, each final. */
public enum HoldState {
  /** The amount is reserved on the debit account. */
  PENDING,
  /** All or part of the amount moved to the credit account; the rest was released. */
  POSTED,
  /** Released on request; nothing moved. */
  VOIDED,
  /** Released because it was not posted before its timeout; nothing moved. */
  EXPIRED;

  /** Returns the name stored in the database, e.g. {@code pending}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static HoldState fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
