package dev.slipstream.ledger.payments;

import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Transfer;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.RejectedException;
import java.time.InstantSource;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deposits: starting them at the provider and applying the provider's verdict. */
final class DepositDesk {
  private static final Logger log = LoggerFactory.getLogger(DepositDesk.class);

  private final Sql sql;
  private final IntentStore intents;
  private final Accounts accounts;
  private final Ledger ledger;
  private final PaymentProvider provider;
  private final InstantSource clock;

  DepositDesk(
      Sql sql,
      IntentStore intents,
      Accounts accounts,
      Ledger ledger,
      PaymentProvider provider,
      InstantSource clock) {
    this.sql = sql;
    this.intents = intents;
    this.accounts = accounts;
    this.ledger = ledger;
    this.provider = provider;
    this.clock = clock;
  }

  PaymentIntent deposit(
      long walletAccountId, long amount, String currency, String paymentMethod, UUID key) {
    PaymentOrder.amount(amount);
    PaymentOrder.currency(currency);
    PaymentOrder.paymentMethod(paymentMethod);
    if (key == null) {
      throw new InvalidInputException("missing_idempotency_key", "idempotency key is required");
    }
    accounts.wallet(walletAccountId, currency);
    long clearing = accounts.clearing(currency);
    PaymentIntent intent =
        intents.insertOrGet(
            key, walletAccountId, clearing, amount, currency, paymentMethod, clock.instant());
    if (intent.walletAccountId() != walletAccountId
        || intent.amount() != amount
        || !intent.currency().equals(currency)
        || !intent.paymentMethod().equals(paymentMethod)) {
      throw new ConflictException(
          "idempotency_conflict",
          "idempotency key "
              + key
              + " was already used for a different deposit; nothing was changed");
    }
    if (intent.providerPaymentId() != null || intent.state() != IntentState.PENDING) {
      return intent;
    }
    ProviderPayment payment;
    try {
      payment =
          provider.startDeposit(new PaymentOrder(amount, currency, paymentMethod, key.toString()));
    } catch (RejectedException refused) {
      // the provider's definite no (an unknown card): record it, so the key keeps meaning this
      sql.inTransaction(
          c ->
              IntentStore.move(
                  c,
                  intent.id(),
                  IntentState.PENDING,
                  IntentState.FAILED,
                  refused.code(),
                  clock.instant()));
      throw refused;
    }
    return intents.attachProviderPayment(intent.id(), payment.paymentId(), clock.instant());
  }

  WebhookReceipt.Disposition succeeded(WebhookEvent event, PaymentIntent intent) {
    requireSamePayment(event, intent.amount(), intent.currency(), intent.id());
    boolean creditable =
        intent.state() == IntentState.PENDING
            || (intent.state() == IntentState.FAILED && "timeout".equals(intent.failureReason()));
    if (!creditable) {
      if (intent.state() == IntentState.DECLINED || intent.state() == IntentState.FAILED) {
        log.error(
            "deposit {} is {} but the provider says {} succeeded; not credited, check by hand",
            intent.id(),
            intent.state(),
            event.paymentId());
      }
      return WebhookReceipt.Disposition.IGNORED;
    }
    Transfer credit =
        ledger.transfer(
            new TransferRequest(
                LedgerIds.depositCredit(event.paymentId()),
                intent.clearingAccountId(),
                intent.walletAccountId(),
                intent.amount(),
                intent.currency(),
                TransferKind.DEPOSIT,
                "deposit:" + intent.id() + ":" + event.paymentId()));
    return sql.inTransaction(
        c -> {
          if (!EventJournal.record(c, event, true, clock.instant())) {
            return WebhookReceipt.Disposition.REPLAYED;
          }
          if (!IntentStore.succeed(c, intent.id(), credit.id(), clock.instant())) {
            PaymentIntent now = intents.byId(intent.id()).orElseThrow();
            if (now.transferId() == null || now.transferId() != credit.id()) {
              throw new IllegalStateException(
                  "deposit " + intent.id() + " moved to " + now.state() + " while being credited");
            }
          }
          return WebhookReceipt.Disposition.APPLIED;
        });
  }

  WebhookReceipt.Disposition declined(WebhookEvent event, PaymentIntent intent) {
    requireSamePayment(event, intent.amount(), intent.currency(), intent.id());
    if (intent.state() != IntentState.PENDING) {
      return WebhookReceipt.Disposition.IGNORED;
    }
    return sql.inTransaction(
        c -> {
          if (!EventJournal.record(c, event, true, clock.instant())) {
            return WebhookReceipt.Disposition.REPLAYED;
          }
          IntentStore.move(
              c,
              intent.id(),
              IntentState.PENDING,
              IntentState.DECLINED,
              "declined",
              clock.instant());
          return WebhookReceipt.Disposition.APPLIED;
        });
  }

  static void requireSamePayment(WebhookEvent event, long amount, String currency, long ownId) {
    if (event.amount() != amount || !event.currency().equals(currency)) {
      throw new ConflictException(
          "payment_mismatch",
          "event "
              + event.id()
              + " says "
              + event.amount()
              + " "
              + event.currency()
              + " but payment "
              + ownId
              + " is "
              + amount
              + " "
              + currency
              + "; nothing was applied");
    }
  }
}
