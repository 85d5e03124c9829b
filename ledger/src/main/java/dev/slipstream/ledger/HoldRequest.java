package dev.slipstream.ledger;

import dev.slipstream.platform.InvalidInputException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to reserve {@code amount} on the debit account for a later transfer to the credit
 * account (a bet's stake until the bet is accepted, a withdrawal until the provider confirms it).
 *
 * @param idempotencyId the caller's id for this hold, unique across all holds
 * @param debitAccountId the account whose money is reserved
 * @param creditAccountId the account a post will move the money to
 * @param amount positive, in minor units of {@code currency}
 * @param currency ISO 4217 code; both accounts must hold it
 * @param kind the kind of the transfer a post will make
 * @param timeout how long the hold may stay pending before it expires, 1 s to 7 days
 * @param metadata the caller's reference, at most 512 characters
 */
public record HoldRequest(
    UUID idempotencyId,
    long debitAccountId,
    long creditAccountId,
    long amount,
    String currency,
    TransferKind kind,
    Duration timeout,
    @Nullable String metadata) {
  /** The longest a hold may stay pending. */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(7);

  /**
   * Validates the request.
   *
   * @throws InvalidInputException {@code invalid_amount}, {@code same_account}, {@code
   *     invalid_currency}, {@code invalid_timeout}, {@code invalid_metadata} or {@code missing_...}
   */
  public HoldRequest {
    LedgerInputs.present(idempotencyId, "idempotency_id");
    LedgerInputs.present(kind, "kind");
    LedgerInputs.present(timeout, "timeout");
    LedgerInputs.amount(amount);
    LedgerInputs.twoAccounts(debitAccountId, creditAccountId);
    LedgerInputs.currency(currency);
    LedgerInputs.metadata(metadata);
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidInputException(
          "invalid_timeout", "hold timeout must be 1 s to 7 days (was " + timeout + ")");
    }
  }
}
