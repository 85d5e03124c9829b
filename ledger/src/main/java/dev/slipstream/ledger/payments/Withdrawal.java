package dev.slipstream.ledger.payments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A withdrawal: money a player asked to take out to a payment method.
 *
 * @param id the platform's id
 * @param idempotencyKey the caller's key for this withdrawal
 * @param walletAccountId the wallet the money leaves
 * @param clearingAccountId the clearing account it leaves through
 * @param amount in minor units
 * @param currency ISO 4217 code
 * @param destination the provider's token for the card or account paid out to
 * @param state where it stands
 * @param holdId the ledger hold reserving the money, once placed
 * @param providerPaymentId the provider's payout id, once started
 * @param reviewedBy the operator who approved or rejected it
 * @param failureReason why it was rejected or failed
 * @param createdAt when it was asked for
 * @param updatedAt when it last changed
 */
public record Withdrawal(
    long id,
    UUID idempotencyKey,
    long walletAccountId,
    long clearingAccountId,
    long amount,
    String currency,
    String destination,
    WithdrawalState state,
    @Nullable Long holdId,
    @Nullable String providerPaymentId,
    @Nullable String reviewedBy,
    @Nullable String failureReason,
    Instant createdAt,
    Instant updatedAt) {}
