package dev.slipstream.ledger;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A committed, immutable movement of money: it debits one account and credits another by the same
 * amount, so it is both postings of a double entry.
 *
 * @param id the ledger's id, growing with commit order
 * @param idempotencyId the caller's id
 * @param debitAccountId the account the money left
 * @param creditAccountId the account the money entered
 * @param amount positive, in minor units
 * @param currency ISO 4217 code
 * @param kind why the money moved
 * @param holdId the hold this transfer posted, if any
 * @param metadata the caller's reference
 * @param createdAt when it was committed
 */
public record Transfer(
    long id,
    UUID idempotencyId,
    long debitAccountId,
    long creditAccountId,
    long amount,
    String currency,
    TransferKind kind,
    @Nullable Long holdId,
    @Nullable String metadata,
    Instant createdAt) {

  /** Returns what this transfer did to {@code accountId}'s balance: +amount, −amount or 0. */
  public long changeFor(long accountId) {
    if (accountId == creditAccountId) {
      return amount;
    }
    return accountId == debitAccountId ? -amount : 0;
  }

  boolean sameAs(TransferRequest request) {
    return debitAccountId == request.debitAccountId()
        && creditAccountId == request.creditAccountId()
        && amount == request.amount()
        && currency.equals(request.currency())
        && kind == request.kind()
        && holdId == null
        && java.util.Objects.equals(metadata, request.metadata());
  }

  boolean sameAs(PostRequest request) {
    return holdId != null
        && holdId == request.holdId()
        && (request.amount().isEmpty() || request.amount().getAsLong() == amount);
  }
}
