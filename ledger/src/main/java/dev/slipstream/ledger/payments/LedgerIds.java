package dev.slipstream.ledger.payments;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ledger idempotency ids of every money movement payments make, each derived from the payment
 * it belongs to. However often a webhook is delivered, or a step retried after a crash, the same
 * movement asks the ledger under the same id, and the ledger applies it once.
 */
final class LedgerIds {
  private LedgerIds() {}

  /** The transfer clearing → wallet that credits a deposit the provider confirmed. */
  static UUID depositCredit(String providerPaymentId) {
    return derive("deposit-credit/" + providerPaymentId);
  }

  /** The hold wallet → clearing that reserves a withdrawal. */
  static UUID withdrawalHold(long withdrawalId) {
    return derive("withdrawal-hold/" + withdrawalId);
  }

  /** The post (or, if the hold lapsed, the transfer) that pays a withdrawal out. */
  static UUID payout(long withdrawalId) {
    return derive("withdrawal-payout/" + withdrawalId);
  }

  /** The transfer wallet → clearing that recovers a chargeback under plan {@code version}. */
  static UUID chargebackTransfer(long intentId, int version) {
    return derive("chargeback-transfer/" + intentId + "/" + version);
  }

  /**
   * The hold on what a wallet had when it could not pay a chargeback, under plan {@code version}.
   */
  static UUID chargebackHold(long intentId, int version) {
    return derive("chargeback-hold/" + intentId + "/" + version);
  }

  private static UUID derive(String name) {
    return UUID.nameUUIDFromBytes(("slipstream.payments/" + name).getBytes(StandardCharsets.UTF_8));
  }
}
