package dev.slipstream.ledger.fraud;

import java.util.Locale;

/** What a fraud flag says is suspicious. */
public enum FraudRule {
  /** More deposits in an hour than {@link FraudRules#depositsPerHour()}. */
  DEPOSIT_VELOCITY,
  /** More bets in a minute than {@link FraudRules#betsPerMinute()}. */
  BET_VELOCITY,
  /** One device used by {@link FraudRules#accountsPerDevice()} accounts or more. */
  SHARED_DEVICE,
  /** One network address used by {@link FraudRules#accountsPerAddress()} accounts or more. */
  SHARED_ADDRESS,
  /** A chargeback against one of the account's deposits. */
  CHARGEBACK_HISTORY;

  /** Returns the name used in the database and JSON, e.g. {@code deposit_velocity}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static FraudRule of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }
}
