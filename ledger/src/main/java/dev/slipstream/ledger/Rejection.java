package dev.slipstream.ledger;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.RejectedException;
import java.util.Locale;

/**
 * Why the ledger refused a well-formed request after looking at its state. A refusal changes
 * nothing; each maps to the platform's exception (and so HTTP status) for callers that want one.
 */
public enum Rejection {
  /** An account named by the request does not exist (404). */
  ACCOUNT_NOT_FOUND(Status.NOT_FOUND),
  /** An account holds another currency than the request's (400). */
  CURRENCY_MISMATCH(Status.INVALID),
  /** The debit account's available money is less than the amount (409). */
  INSUFFICIENT_FUNDS(Status.CONFLICT),
  /** The idempotency id was used before for a different request (409). */
  IDEMPOTENCY_CONFLICT(Status.CONFLICT),
  /** The hold does not exist (404). */
  HOLD_NOT_FOUND(Status.NOT_FOUND),
  /** The hold was already posted, voided or expired (409). */
  HOLD_NOT_PENDING(Status.CONFLICT),
  /** The hold's timeout passed before the post arrived (409). */
  HOLD_EXPIRED(Status.CONFLICT),
  /** A post asked for more than the hold reserved (400). */
  AMOUNT_EXCEEDS_HOLD(Status.INVALID),
  /** A post named a bet float, which is drawn into stakes or voided, never posted (409). */
  FLOAT_NOT_POSTABLE(Status.CONFLICT);

  private enum Status {
    NOT_FOUND,
    INVALID,
    CONFLICT
  }

  private final Status status;

  Rejection(Status status) {
    this.status = status;
  }

  /** Returns the stable snake_case code, e.g. {@code insufficient_funds}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the platform exception for this refusal with the given sentence. */
  public RejectedException toException(String message) {
    return switch (status) {
      case NOT_FOUND -> new NotFoundException(code(), message);
      case INVALID -> new InvalidInputException(code(), message);
      case CONFLICT -> new ConflictException(code(), message);
    };
  }
}
