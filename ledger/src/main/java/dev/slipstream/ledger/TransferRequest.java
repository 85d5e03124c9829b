package dev.slipstream.ledger;

import dev.slipstream.platform.InvalidInputException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to move {@code amount} from one account to another. The caller chooses the idempotency
 * id: sending the same request again returns the first result, while a different request under the
 * same id is refused.
 *
 * @param idempotencyId the caller's id for this transfer, unique across all transfers
 * @param debitAccountId the account the money leaves
 * @param creditAccountId the account the money enters
 * @param amount positive, in minor units of {@code currency}
 * @param currency ISO 4217 code; both accounts must hold it
 * @param kind why the money moves
 * @param metadata the caller's reference (a bet id, a payment id), at most 512 characters
 */
public record TransferRequest(
    UUID idempotencyId,
    long debitAccountId,
    long creditAccountId,
    long amount,
    String currency,
    TransferKind kind,
    @Nullable String metadata) {

  /**
   * Validates the request.
   *
   * @throws InvalidInputException {@code invalid_amount}, {@code same_account}, {@code
   *     invalid_currency}, {@code invalid_metadata}, {@code invalid_transfer_kind} (a bet float is
   *     a hold, never a transfer) or {@code missing_...}
   */
  public TransferRequest {
    LedgerInputs.present(idempotencyId, "idempotency_id");
    LedgerInputs.present(kind, "kind");
    if (kind == TransferKind.BET_FLOAT) {
      throw new InvalidInputException(
          "invalid_transfer_kind", "bet_float is a kind of hold only: no transfer moves a float");
    }
    LedgerInputs.amount(amount);
    LedgerInputs.twoAccounts(debitAccountId, creditAccountId);
    LedgerInputs.currency(currency);
    LedgerInputs.metadata(metadata);
  }

  /** Returns a request without metadata. */
  public static TransferRequest of(
      UUID idempotencyId,
      long debitAccountId,
      long creditAccountId,
      long amount,
      String currency,
      TransferKind kind) {
    return new TransferRequest(
        idempotencyId, debitAccountId, creditAccountId, amount, currency, kind, null);
  }
}
