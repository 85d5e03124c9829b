package dev.slipstream.ledger.payments;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;

/**
 * The port to a payment provider (a card processor). Both calls only start a payment and return at
 * once; the provider reports the result asynchronously as a signed webhook event (see {@link
 * WebhookSink}). Both are idempotent per {@link PaymentOrder#idempotencyKey()}: the same key with
 * the same contents returns the same payment, so a caller that lost an answer simply asks again.
 */
public interface PaymentProvider {

  /**
   * Starts charging {@code order.paymentMethod()} for a deposit.
   *
   * @throws InvalidInputException {@code invalid_payment_method} for a token the provider does not
   *     know
   * @throws ConflictException {@code idempotency_conflict} when the key was used for another order
   */
  ProviderPayment startDeposit(PaymentOrder order);

  /**
   * Starts paying {@code order.amount()} out to {@code order.paymentMethod()} for a withdrawal.
   *
   * @throws InvalidInputException {@code invalid_payment_method} for a token the provider does not
   *     know
   * @throws ConflictException {@code idempotency_conflict} when the key was used for another order
   */
  ProviderPayment startPayout(PaymentOrder order);
}
