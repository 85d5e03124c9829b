package dev.slipstream.ledger.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Transfer;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.RejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DepositsIT extends PaymentsFixture {

  @Test
  void aDepositIsPendingUntilTheProviderConfirmsItThenTheWalletHasTheMoney() {
    PaymentIntent intent =
        payments.deposit(wallet.id(), 2_500, "EUR", "tok_visa", UUID.randomUUID());

    assertThat(intent.state()).isEqualTo(IntentState.PENDING);
    assertThat(intent.providerPaymentId()).startsWith("pay_");
    assertThat(balance(wallet.id())).isZero();

    pass(Duration.ofSeconds(2));

    PaymentIntent done = payments.findIntent(intent.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(IntentState.SUCCEEDED);
    assertThat(done.transferId()).isNotNull();
    assertThat(balance(wallet.id())).isEqualTo(2_500);
    assertThat(clearingBalance()).isEqualTo(-2_500);
  }

  @Test
  void theDatabaseRefusesToMoveASettledDepositBackwards() {
    PaymentIntent intent = deposited(2_500);

    assertThatThrownBy(
            () ->
                sql(
                    "UPDATE ledger.payment_intents SET state = 'pending', transfer_id = NULL"
                        + " WHERE id = "
                        + intent.id()))
        .hasMessageContaining("cannot move from succeeded to pending");
    assertThatThrownBy(
            () -> sql("UPDATE ledger.payment_intents SET amount = 1 WHERE id = " + intent.id()))
        .hasMessageContaining("cannot change what was paid");
  }

  @Test
  void aDeclinedCardMovesNoMoney() {
    PaymentIntent intent =
        payments.deposit(wallet.id(), 2_500, "EUR", "tok_declined", UUID.randomUUID());

    pass(Duration.ofSeconds(2));

    PaymentIntent declined = payments.findIntent(intent.id()).orElseThrow();
    assertThat(declined.state()).isEqualTo(IntentState.DECLINED);
    assertThat(declined.failureReason()).isEqualTo("declined");
    assertThat(balance(wallet.id())).isZero();
    assertThat(count("transfers")).isZero();
  }

  @Test
  void aDepositTheProviderNeverAnswersFailsWithReasonTimeoutAndYoungerOnesStayPending() {
    PaymentIntent silent =
        payments.deposit(wallet.id(), 2_500, "EUR", "tok_timeout", UUID.randomUUID());
    pass(Duration.ofMinutes(11));
    PaymentIntent young =
        payments.deposit(wallet.id(), 1_000, "EUR", "tok_timeout", UUID.randomUUID());

    int failed = payments.timeoutPending(Duration.ofMinutes(10));

    assertThat(failed).isEqualTo(1);
    PaymentIntent timedOut = payments.findIntent(silent.id()).orElseThrow();
    assertThat(timedOut.state()).isEqualTo(IntentState.FAILED);
    assertThat(timedOut.failureReason()).isEqualTo("timeout");
    assertThat(payments.findIntent(young.id()).orElseThrow().state())
        .isEqualTo(IntentState.PENDING);
    assertThat(balance(wallet.id())).isZero();
  }

  @Test
  void aDepositCreditedJustBeforeACrashIsMarkedSucceededAtTheNextStartWithoutMovingMoneyAgain() {
    // the credit committed, then the process died before the deposit was marked: two deposits,
    // one still pending and one the timeout sweep has since failed; a third was never credited
    PaymentIntent pending =
        payments.deposit(wallet.id(), 2_500, "EUR", "tok_timeout", UUID.randomUUID());
    PaymentIntent timedOut =
        payments.deposit(wallet.id(), 700, "EUR", "tok_timeout", UUID.randomUUID());
    PaymentIntent untouched =
        payments.deposit(wallet.id(), 300, "EUR", "tok_timeout", UUID.randomUUID());
    long clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "sandbox", "EUR").id();
    Transfer first = creditAsTheDeskDoes(pending, clearing);
    Transfer second = creditAsTheDeskDoes(timedOut, clearing);
    clock.advance(Duration.ofMinutes(11));
    payments.timeoutPending(Duration.ofMinutes(10));
    assertThat(payments.findIntent(timedOut.id()).orElseThrow().state())
        .isEqualTo(IntentState.FAILED);

    assertThat(payments.finishInterrupted()).isEqualTo(2);

    PaymentIntent a = payments.findIntent(pending.id()).orElseThrow();
    PaymentIntent b = payments.findIntent(timedOut.id()).orElseThrow();
    assertThat(a.state()).isEqualTo(IntentState.SUCCEEDED);
    assertThat(a.transferId()).isEqualTo(first.id());
    assertThat(b.state()).isEqualTo(IntentState.SUCCEEDED);
    assertThat(b.failureReason()).isNull();
    assertThat(b.transferId()).isEqualTo(second.id());
    assertThat(payments.findIntent(untouched.id()).orElseThrow().state())
        .isEqualTo(IntentState.FAILED);
    assertThat(balance(wallet.id())).isEqualTo(3_200);
    assertThat(count("transfers")).isEqualTo(2);
    assertThat(payments.finishInterrupted()).isZero();
  }

  private Transfer creditAsTheDeskDoes(PaymentIntent intent, long clearing) {
    return ledger.transfer(
        new TransferRequest(
            LedgerIds.depositCredit(intent.providerPaymentId()),
            clearing,
            wallet.id(),
            intent.amount(),
            "EUR",
            TransferKind.DEPOSIT,
            "deposit:" + intent.id()));
  }

  @Test
  void aConfirmationThatArrivesAfterTheTimeoutStillCreditsTheChargedCard() {
    sink.down(true);
    PaymentIntent intent =
        payments.deposit(wallet.id(), 2_500, "EUR", "tok_visa", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    clock.advance(Duration.ofMinutes(11));
    payments.timeoutPending(Duration.ofMinutes(10));
    assertThat(payments.findIntent(intent.id()).orElseThrow().state())
        .isEqualTo(IntentState.FAILED);

    sink.down(false);
    scheduler.runDue();

    assertThat(payments.findIntent(intent.id()).orElseThrow().state())
        .isEqualTo(IntentState.SUCCEEDED);
    assertThat(balance(wallet.id())).isEqualTo(2_500);
  }

  @Test
  void aRedeliveredConfirmationIsAcknowledgedAsReplayedAndCreditsOnce() {
    sink.loseAcks(1);
    PaymentIntent intent =
        payments.deposit(wallet.id(), 2_500, "EUR", "tok_visa", UUID.randomUUID());

    pass(Duration.ofSeconds(2));
    pass(Duration.ofSeconds(1));

    assertThat(sink.deliveries()).hasSize(2);
    assertThat(sink.deliveries().get(1).bodyText()).isEqualTo(sink.deliveries().get(0).bodyText());
    // same event, freshly signed: a retry long after the first try is not refused as stale
    assertThat(sink.deliveries().get(1).headers().get("Slipstream-Signature"))
        .startsWith("t=" + clock.instant().getEpochSecond() + ",v1=");
    assertThat(scheduler.pending()).isZero();
    assertThat(payments.findIntent(intent.id()).orElseThrow().state())
        .isEqualTo(IntentState.SUCCEEDED);
    assertThat(balance(wallet.id())).isEqualTo(2_500);
    assertThat(count("transfers")).isEqualTo(1);
  }

  @Test
  void theSameConfirmationDeliveredConcurrentlyIsAppliedByExactlyOneDelivery() throws Exception {
    sink.down(true);
    payments.deposit(wallet.id(), 2_500, "EUR", "tok_visa", UUID.randomUUID());
    pass(Duration.ofSeconds(2));
    SwitchableSink.Delivery delivery = sink.last();

    List<Callable<WebhookReceipt>> deliveries = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      deliveries.add(() -> payments.webhook(delivery.body(), delivery.headers()));
    }
    List<WebhookReceipt.Disposition> dispositions = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
      for (Future<WebhookReceipt> receipt : threads.invokeAll(deliveries)) {
        dispositions.add(receipt.get().disposition());
      }
    }

    assertThat(dispositions)
        .containsOnlyOnce(WebhookReceipt.Disposition.APPLIED)
        .filteredOn(d -> d != WebhookReceipt.Disposition.APPLIED)
        .containsOnly(WebhookReceipt.Disposition.REPLAYED);
    assertThat(balance(wallet.id())).isEqualTo(2_500);
    assertThat(count("transfers")).isEqualTo(1);
    assertThat(count("webhook_events")).isEqualTo(1);
  }

  @Test
  void askingAgainWithTheSameKeyReturnsTheSameDepositAndOneProviderPayment() {
    UUID key = UUID.randomUUID();
    PaymentIntent first = payments.deposit(wallet.id(), 2_500, "EUR", "tok_visa", key);

    PaymentIntent again = payments.deposit(wallet.id(), 2_500, "EUR", "tok_visa", key);
    pass(Duration.ofSeconds(2));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.providerPaymentId()).isEqualTo(first.providerPaymentId());
    assertThat(sink.deliveries()).hasSize(1);
    assertThat(balance(wallet.id())).isEqualTo(2_500);
    assertRefused(
        () -> payments.deposit(wallet.id(), 2_501, "EUR", "tok_visa", key),
        ConflictException.class,
        "idempotency_conflict");
  }

  @Test
  void eachBadDepositGetsItsOwnErrorAndStartsNoPayment() {
    Account pounds = ledger.openAccount(AccountKind.PLAYER_WALLET, "bob", "GBP");
    Account house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");

    assertRefused(
        () -> deposit(wallet.id(), 0, "EUR", "tok_visa"),
        InvalidInputException.class,
        "invalid_amount");
    assertRefused(
        () -> deposit(wallet.id(), 100, "eur", "tok_visa"),
        InvalidInputException.class,
        "invalid_currency");
    assertRefused(
        () -> deposit(pounds.id(), 100, "EUR", "tok_visa"),
        InvalidInputException.class,
        "currency_mismatch");
    assertRefused(
        () -> deposit(house.id(), 100, "EUR", "tok_visa"),
        InvalidInputException.class,
        "not_a_wallet");
    assertRefused(
        () -> deposit(999_999, 100, "EUR", "tok_visa"),
        NotFoundException.class,
        "account_not_found");
    assertRefused(
        () -> deposit(wallet.id(), 100, "EUR", "card 4242"),
        InvalidInputException.class,
        "invalid_payment_method");
    assertThat(count("payment_intents")).isZero();

    assertRefused(
        () -> deposit(wallet.id(), 100, "EUR", "tok_unknown"),
        InvalidInputException.class,
        "invalid_payment_method");
    pass(Duration.ofMinutes(1));
    assertThat(queryLong("SELECT count(*) FROM ledger.payment_intents WHERE state = 'failed'"))
        .isEqualTo(1);
    assertThat(sink.deliveries()).isEmpty();
    assertThat(balance(wallet.id())).isZero();
  }

  private PaymentIntent deposit(long walletId, long amount, String currency, String method) {
    return payments.deposit(walletId, amount, currency, method, UUID.randomUUID());
  }

  static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      Class<? extends RejectedException> type,
      String code) {
    assertThatThrownBy(call)
        .isInstanceOf(type)
        .extracting(e -> ((RejectedException) e).code())
        .isEqualTo(code);
  }
}
