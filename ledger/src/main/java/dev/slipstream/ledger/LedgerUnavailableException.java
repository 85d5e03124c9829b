package dev.slipstream.ledger;

/**
 * The ledger could not write or confirm a request (the database failed or the ledger is closing).
 * Whether it took effect is unknown: retry with the same idempotency id to find out safely.
 */
public final class LedgerUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a sentence saying what failed, and its cause. */
  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a sentence saying what failed. */
  public LedgerUnavailableException(String message) {
    super(message);
  }
}
