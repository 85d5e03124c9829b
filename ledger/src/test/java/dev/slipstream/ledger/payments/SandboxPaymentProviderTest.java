package dev.slipstream.ledger.payments;

import static dev.slipstream.ledger.payments.DepositsIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.state.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SandboxPaymentProviderTest {
  private static final String SECRET = PaymentsFixture.SECRET;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final SwitchableSink sink = new SwitchableSink();
  private final SandboxPaymentProvider sandbox =
      SandboxPaymentProvider.create(
          new SandboxSettings(
              SECRET,
              Duration.ofSeconds(2),
              Duration.ofSeconds(30),
              Duration.ofSeconds(1),
              Duration.ofSeconds(8),
              5),
          sink,
          clock,
          scheduler,
          new SplittableRandom(1));

  @Test
  void theSameKeyAndOrderIsOnePaymentAndAnotherOrderUnderItIsRefused() {
    PaymentOrder order = new PaymentOrder(1_000, "EUR", "tok_visa", "key-1");

    ProviderPayment first = sandbox.startDeposit(order);

    assertThat(first.status()).isEqualTo(ProviderPayment.Status.PENDING);
    assertThat(sandbox.startDeposit(order)).isEqualTo(first);
    assertRefused(
        () -> sandbox.startDeposit(new PaymentOrder(1_001, "EUR", "tok_visa", "key-1")),
        ConflictException.class,
        "idempotency_conflict");
    assertRefused(
        () -> sandbox.startPayout(new PaymentOrder(1_000, "EUR", "tok_visa", "key-1")),
        ConflictException.class,
        "idempotency_conflict");
    assertRefused(
        () -> sandbox.startDeposit(new PaymentOrder(1_000, "EUR", "tok_nope", "key-2")),
        InvalidInputException.class,
        "invalid_payment_method");
  }

  @Test
  void theResultArrivesLaterSignedAsTheWebhookFormatSays() {
    ProviderPayment payment = sandbox.startDeposit(new PaymentOrder(1_000, "EUR", "tok_visa", "k"));
    clock.advance(Duration.ofSeconds(1));
    scheduler.runDue();
    assertThat(sink.deliveries()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    scheduler.runDue();

    SwitchableSink.Delivery delivery = sink.last();
    WebhookEvent event = WebhookEvent.parse(delivery.body());
    assertThat(event.rawType()).isEqualTo("deposit.succeeded");
    assertThat(event.paymentId()).isEqualTo(payment.paymentId());
    assertThat(event.amount()).isEqualTo(1_000);
    assertThat(event.created()).isEqualTo(clock.instant());
    assertThat(delivery.headers().get("Slipstream-Signature"))
        .matches("t=" + clock.instant().getEpochSecond() + ",v1=[0-9a-f]{64}");
    assertThatCode(
            () ->
                new WebhookSignature(SECRET)
                    .verify(
                        delivery.body(),
                        delivery.headers(),
                        clock.instant(),
                        Duration.ofMinutes(5)))
        .doesNotThrowAnyException();
  }

  @Test
  void anUnacknowledgedEventIsRedeliveredWithBackoffUnderTheSameIdUntilItsAttemptsRunOut() {
    sink.down(true);
    sandbox.startDeposit(new PaymentOrder(1_000, "EUR", "tok_declined", "k"));

    for (int second = 0; second < 60; second++) {
      clock.advance(Duration.ofSeconds(1));
      scheduler.runDue();
    }

    // first try at 2 s, then 1 s, 2 s, 4 s, 8 s (capped) later: five attempts
    assertThat(sink.deliveries()).hasSize(5);
    assertThat(sink.deliveries())
        .extracting(SwitchableSink.Delivery::bodyText)
        .containsOnly(sink.deliveries().getFirst().bodyText());
    assertThat(WebhookEvent.parse(sink.last().body()).rawType()).isEqualTo("deposit.declined");
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aTimeoutCardIsNeverAnswered() {
    sandbox.startDeposit(new PaymentOrder(1_000, "EUR", "tok_timeout", "k"));

    clock.advance(Duration.ofHours(1));
    scheduler.runDue();

    assertThat(sink.deliveries()).isEmpty();
  }
}
