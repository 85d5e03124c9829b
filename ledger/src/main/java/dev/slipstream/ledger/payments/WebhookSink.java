package dev.slipstream.ledger.payments;

import java.util.Map;

/**
 * Where a provider delivers its webhook events: exactly what an HTTP POST would carry, the raw body
 * and the headers. In production the gateway's webhook route is the sink; in-process the sandbox
 * calls one directly.
 */
@FunctionalInterface
public interface WebhookSink {

  /**
   * Delivers one event and returns whether the receiver acknowledged it (an HTTP 2xx); the provider
   * redelivers an unacknowledged event later, under the same event id.
   */
  boolean deliver(byte[] body, Map<String, String> headers);

  /**
   * Returns the sink that hands events to {@code payments} and acknowledges whatever it accepted
   * (applied, replayed or ignored); a refusal leaves the event unacknowledged.
   */
  static WebhookSink to(Payments payments) {
    return (body, headers) -> {
      try {
        payments.webhook(body, headers);
        return true;
      } catch (RuntimeException refused) {
        return false;
      }
    };
  }
}
