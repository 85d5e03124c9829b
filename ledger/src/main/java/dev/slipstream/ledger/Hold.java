package dev.slipstream.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money reserved on a debit account for a transfer that may or may not happen.
 *
 * @param id the ledger's id
 * @param idempotencyId the caller's id
 * @param debitAccountId the account whose money is reserved
 * @param creditAccountId the account a post moves the money to
 * @param amount reserved, in minor units
 * @param currency ISO 4217 code
 * @param kind the kind of the transfer a post makes
 * @param state pending, or how it ended
 * @param postedAmount the part moved by the post; 0 unless posted
 * @param expiresAt when a pending hold expires
 * @param createdAt when it was committed
 * @param resolvedAt when it left pending
 * @param metadata the caller's reference
 */
public record Hold(
    long id,
    UUID idempotencyId,
    long debitAccountId,
    long creditAccountId,
    long amount,
    String currency,
    TransferKind kind,
    HoldState state,
    long postedAmount,
    Instant expiresAt,
    Instant createdAt,
    @Nullable Instant resolvedAt,
    @Nullable String metadata) {

  /** Returns this hold moved to a final state at {@code when}. */
  Hold resolved(HoldState finalState, long posted, Instant when) {
    return new Hold(
        id,
        idempotencyId,
        debitAccountId,
        creditAccountId,
        amount,
        currency,
        kind,
        finalState,
        posted,
        expiresAt,
        createdAt,
        when,
        metadata);
  }

  /** When a hold made at {@code createdAt} expires, to the microsecond PostgreSQL keeps. */
  static Instant expiry(Instant createdAt, java.time.Duration timeout) {
    return createdAt.plus(timeout).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  boolean sameAs(HoldRequest request) {
    return debitAccountId == request.debitAccountId()
        && creditAccountId == request.creditAccountId()
        && amount == request.amount()
        && currency.equals(request.currency())
        && kind == request.kind()
        && expiresAt.equals(expiry(createdAt, request.timeout()))
        && Objects.equals(metadata, request.metadata());
  }
}
