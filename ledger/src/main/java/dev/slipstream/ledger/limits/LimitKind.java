package dev.slipstream.ledger.limits;

import java.util.Locale;

/** What a limit caps. */
public enum LimitKind {
  /** Money deposited. */
  DEPOSIT,
  /** Net losses: stakes placed (held or lost) less payouts received. */
  LOSS,
  /** Money staked, won or lost. */
  STAKE;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static LimitKind of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }
}
