package dev.slipstream.ledger.payments;

import java.util.Objects;

/**
 * A payment as the provider acknowledged it when it was started. Its result comes later, in a
 * signed webhook; a provider may only ever answer {@link Status#PENDING} here.
 *
 * @param paymentId the provider's id for the payment, named by every webhook event about it
 * @param status where the payment stood when the provider answered
 */
public record ProviderPayment(String paymentId, Status status) {

  /** Where a payment stands at the provider when it is started. */
  public enum Status {
    /** Accepted; the result will arrive as a webhook. */
    PENDING
  }

  /** Checks both parts are present. */
  public ProviderPayment {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(status, "status");
  }
}
