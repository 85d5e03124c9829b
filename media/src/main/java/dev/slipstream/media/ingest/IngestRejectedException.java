package dev.slipstream.media.ingest;

/** An input was refused before it went live: a broken file, or media that cannot be sent. */
public final class IngestRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final IngestRejection reason;

  /** Creates the exception with the reason and one sentence saying what was wrong. */
  public IngestRejectedException(IngestRejection reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns why the input was refused. */
  public IngestRejection reason() {
    return reason;
  }
}
