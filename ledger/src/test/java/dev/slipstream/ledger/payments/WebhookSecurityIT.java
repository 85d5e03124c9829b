package dev.slipstream.ledger.payments;

import static dev.slipstream.ledger.payments.DepositsIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks that must not be believed: each is refused with its own code and changes nothing. */
class WebhookSecurityIT extends PaymentsFixture {
  private PaymentIntent intent;
  private byte[] body;

  @BeforeEach
  void captureAConfirmation() {
    sink.down(true);
    intent = payments.deposit(wallet.id(), 2_500, "EUR", "tok_visa", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    body = sink.last().body();
  }

  @AfterEach
  void nothingWasApplied() {
    if (count("webhook_events") == 0) {
      assertThat(payments.findIntent(intent.id()).orElseThrow().state())
          .isEqualTo(IntentState.PENDING);
      assertThat(balance(wallet.id())).isZero();
      assertThat(count("transfers")).isZero();
    }
  }

  @Test
  void theSandboxSignatureIsAcceptedOnce() {
    assertThat(payments.webhook(body, signed(body, SECRET, clock.instant())).disposition())
        .isEqualTo(WebhookReceipt.Disposition.APPLIED);
    assertThat(balance(wallet.id())).isEqualTo(2_500);
  }

  @Test
  void aWrongSignatureIsRefused() {
    String good = new WebhookSignature(SECRET).sign(body, clock.instant());
    String flipped = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");

    assertRefused(
        () -> payments.webhook(body, Map.of("Slipstream-Signature", flipped)),
        UnauthorizedException.class,
        "invalid_signature");
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefused() {
    Map<String, String> headers =
        signed(body, "whsec_someone_else_0000000000000000000000", clock.instant());

    assertRefused(
        () -> payments.webhook(body, headers), UnauthorizedException.class, "invalid_signature");
  }

  @Test
  void aBodyChangedAfterSigningIsRefused() {
    Map<String, String> headers = signed(body, SECRET, clock.instant());
    byte[] richer =
        new String(body, StandardCharsets.UTF_8)
            .replace("\"amount\":2500", "\"amount\":250000")
            .getBytes(StandardCharsets.UTF_8);

    assertRefused(
        () -> payments.webhook(richer, headers), UnauthorizedException.class, "invalid_signature");
  }

  @Test
  void aMissingOrGarbledSignatureHeaderIsRefused() {
    assertRefused(
        () -> payments.webhook(body, Map.of()), UnauthorizedException.class, "invalid_signature");
    assertRefused(
        () -> payments.webhook(body, Map.of("Slipstream-Signature", "t=abc,v1=zz")),
        UnauthorizedException.class,
        "invalid_signature");
  }

  @Test
  void aSignatureOlderThanFiveMinutesIsRefusedAsStale() {
    Map<String, String> headers =
        signed(body, SECRET, clock.instant().minus(Duration.ofSeconds(301)));

    assertRefused(
        () -> payments.webhook(body, headers), UnauthorizedException.class, "stale_timestamp");
  }

  @Test
  void aSignatureFromMoreThanFiveMinutesAheadIsRefusedAsStale() {
    Map<String, String> headers =
        signed(body, SECRET, clock.instant().plus(Duration.ofSeconds(301)));

    assertRefused(
        () -> payments.webhook(body, headers), UnauthorizedException.class, "stale_timestamp");
  }

  @Test
  void anEventAlreadyProcessedIsAcknowledgedAsReplayedAndNotAppliedAgain() {
    Map<String, String> headers = signed(body, SECRET, clock.instant());
    payments.webhook(body, headers);

    WebhookReceipt again = payments.webhook(body, headers);
    clock.advance(Duration.ofMinutes(6));

    assertThat(again.disposition()).isEqualTo(WebhookReceipt.Disposition.REPLAYED);
    assertThat(again.disposition().code()).isEqualTo("replayed_event");
    assertRefused(
        () -> payments.webhook(body, headers), UnauthorizedException.class, "stale_timestamp");
    assertThat(balance(wallet.id())).isEqualTo(2_500);
    assertThat(count("transfers")).isEqualTo(1);
  }

  @Test
  void aSignedBodyThatIsNotAnEventIsRefusedAsMalformed() {
    for (String bad :
        new String[] {
          "{not json",
          "[]",
          "{\"id\":\"evt_1\",\"type\":\"deposit.succeeded\"}",
          "{\"id\":\"evt_1\",\"type\":\"deposit.succeeded\",\"payment_id\":\"pay_1\",\"amount\":\"2500\","
              + "\"currency\":\"EUR\",\"created\":1}",
          "{\"id\":\"evt_1\",\"type\":\"deposit.succeeded\",\"payment_id\":\"pay_1\",\"amount\":-5,"
              + "\"currency\":\"EUR\",\"created\":1}",
          "{\"id\":\"evt_1\",\"id\":\"evt_2\",\"type\":\"deposit.succeeded\",\"payment_id\":\"pay_1\","
              + "\"amount\":5,\"currency\":\"EUR\",\"created\":1}",
        }) {
      byte[] badBody = bad.getBytes(StandardCharsets.UTF_8);
      assertRefused(
          () -> payments.webhook(badBody, signed(badBody, SECRET, clock.instant())),
          InvalidInputException.class,
          "malformed_webhook");
    }
  }

  @Test
  void aSignedEventForAPaymentThatIsNotOursIsRefusedSoTheProviderTriesAgainLater() {
    byte[] stranger =
        WebhookEvent.of(
                EventType.DEPOSIT_SUCCEEDED, "evt_x", "pay_stranger", 2_500, "EUR", clock.instant())
            .toJson();

    assertRefused(
        () -> payments.webhook(stranger, signed(stranger, SECRET, clock.instant())),
        NotFoundException.class,
        "unknown_payment");
  }

  private static Map<String, String> signed(byte[] body, String secret, Instant at) {
    return Map.of("slipstream-signature", new WebhookSignature(secret).sign(body, at));
  }
}
