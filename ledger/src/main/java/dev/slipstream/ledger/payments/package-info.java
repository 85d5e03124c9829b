/**
 * Deposits and withdrawals through a {@link dev.slipstream.ledger.payments.PaymentProvider}:
 * payment intents and withdrawals with their state machines, signed provider webhooks that move
 * money in the ledger exactly once, chargebacks, and an in-process sandbox provider that behaves
 * like a real card processor.
 */
@NullMarked
package dev.slipstream.ledger.payments;

import org.jspecify.annotations.NullMarked;
