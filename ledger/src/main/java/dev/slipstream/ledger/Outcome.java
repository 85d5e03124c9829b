package dev.slipstream.ledger;

/**
 * What became of one request to the ledger: done (now, or earlier under the same idempotency id),
 * or refused with a coded reason. Business refusals are values here, not exceptions, so a batch of
 * thousands can report each one cheaply.
 *
 * @param <T> what a done request produced: a {@link Transfer} or a {@link Hold}
 */
public sealed interface Outcome<T> {

  /**
   * The request took effect.
   *
   * @param value the transfer or hold
   * @param replayed true when this repeats an earlier identical request, which took effect then
   */
  record Done<T>(T value, boolean replayed) implements Outcome<T> {}

  /**
   * The request was refused and changed nothing.
   *
   * @param reason the coded reason
   * @param message one sentence for people
   */
  record Refused<T>(Rejection reason, String message) implements Outcome<T> {}

  /**
   * Returns the value of a done request.
   *
   * @throws dev.slipstream.platform.RejectedException the refusal's exception
   */
  default T orThrow() {
    return switch (this) {
      case Done<T> done -> done.value();
      case Refused<T> refused -> throw refused.reason().toException(refused.message());
    };
  }
}
