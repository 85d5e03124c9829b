package dev.slipstream.ledger.payments;

import java.util.Optional;

/** The webhook events a provider sends about a payment. */
enum EventType {
  DEPOSIT_SUCCEEDED("deposit.succeeded"),
  DEPOSIT_DECLINED("deposit.declined"),
  PAYOUT_PAID("payout.paid"),
  PAYOUT_FAILED("payout.failed"),
  CHARGEBACK_CREATED("chargeback.created");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  boolean aboutPayout() {
    return this == PAYOUT_PAID || this == PAYOUT_FAILED;
  }

  static Optional<EventType> fromWireName(String name) {
    for (EventType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
