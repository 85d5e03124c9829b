package dev.slipstream.ledger;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * A request to complete a pending hold: move all of it, or part of it, to the hold's credit account
 * and release the rest.
 *
 * @param idempotencyId the caller's id for the resulting transfer, unique across all transfers
 * @param holdId the pending hold
 * @param amount the part to move, at most the hold's amount; empty moves all of it
 */
public record PostRequest(UUID idempotencyId, long holdId, OptionalLong amount) {

  /**
   * Validates the request.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_amount} or {@code
   *     missing_...}
   */
  public PostRequest {
    LedgerInputs.present(idempotencyId, "idempotency_id");
    LedgerInputs.present(amount, "amount");
    amount.ifPresent(LedgerInputs::amount);
  }

  /** Returns a request that posts the whole hold. */
  public static PostRequest full(UUID idempotencyId, long holdId) {
    return new PostRequest(idempotencyId, holdId, OptionalLong.empty());
  }

  /** Returns a request that posts {@code amount} of the hold and releases the rest. */
  public static PostRequest partial(UUID idempotencyId, long holdId, long amount) {
    return new PostRequest(idempotencyId, holdId, OptionalLong.of(amount));
  }
}
