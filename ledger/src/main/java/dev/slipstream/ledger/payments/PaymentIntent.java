package dev.slipstream.ledger.payments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deposit: money a player asked to bring in from a payment method.
 *
 * @param id the platform's id
 * @param idempotencyKey the caller's key for this deposit
 * @param walletAccountId the wallet credited when it succeeds
 * @param clearingAccountId the clearing account the money enters through
 * @param amount in minor units
 * @param currency ISO 4217 code
 * @param paymentMethod the provider's token for the card
 * @param providerPaymentId the provider's id; empty until the provider answered
 * @param state where it stands
 * @param failureReason why it was declined or failed ({@code declined}, {@code timeout})
 * @param transferId the ledger transfer that credited the wallet, once succeeded
 * @param createdAt when it was asked for
 * @param updatedAt when it last changed
 */
public record PaymentIntent(
    long id,
    UUID idempotencyKey,
    long walletAccountId,
    long clearingAccountId,
    long amount,
    String currency,
    String paymentMethod,
    @Nullable String providerPaymentId,
    IntentState state,
    @Nullable String failureReason,
    @Nullable Long transferId,
    Instant createdAt,
    Instant updatedAt) {}
