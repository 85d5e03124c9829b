package dev.slipstream.ledger.payments;

/**
 * What became of a webhook that passed its checks; every receipt is acknowledged to the provider
 * (HTTP 200), so it stops redelivering.
 *
 * @param eventId the provider's event id
 * @param disposition what was done with it
 */
public record WebhookReceipt(String eventId, Disposition disposition) {

  /** What was done with an authentic event. */
  public enum Disposition {
    /** It was applied now. */
    APPLIED("applied"),
    /**
     * Its id was processed before (a redelivery or a replay): acknowledged, nothing applied again.
     */
    REPLAYED("replayed_event"),
    /** It needs nothing done (an unknown type, or news about a payment already settled). */
    IGNORED("ignored");

    private final String code;

    Disposition(String code) {
      this.code = code;
    }

    /** Returns the stable code, e.g. {@code replayed_event}. */
    public String code() {
      return code;
    }
  }
}
