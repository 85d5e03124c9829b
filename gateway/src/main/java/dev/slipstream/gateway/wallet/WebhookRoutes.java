package dev.slipstream.gateway.wallet;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.ledger.payments.WebhookReceipt;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/payments/webhooks/<provider>}: the provider's signed events. No user signs in
 * here; the signature over the exact body is the credential. A wrong signature gets 401 {@code
 * invalid_signature}, a stale or future timestamp 401 {@code stale_timestamp}, a garbled body 400
 * {@code malformed_webhook}, an event about a payment not (yet) ours 404 {@code unknown_payment}:
 * none of them changes anything, and the provider redelivers. An event id seen before is answered
 * 200 with {@code "disposition":"replayed_event"} so the provider stops, and is applied no second
 * time.
 */
final class WebhookRoutes {
  private WebhookRoutes() {}

  static void register(RoutesConfig routes, MoneyServices money) {
    routes.post(
        "/api/payments/webhooks/" + money.provider(),
        ctx -> {
          Map<String, String> headers = new LinkedHashMap<>();
          ctx.headerMap().forEach(headers::put);
          WebhookReceipt receipt = money.payments().webhook(ctx.bodyAsBytes(), headers);
          if (receipt.disposition() == WebhookReceipt.Disposition.APPLIED) {
            // A chargeback or a deposit may have made a rule match.
            money.fraud().scan();
          }
          ctx.json(
              Map.of("eventId", receipt.eventId(), "disposition", receipt.disposition().code()));
        },
        Access.ANYONE);
  }
}
