package dev.slipstream.ledger.payments;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.Rejection;
import dev.slipstream.ledger.Transfer;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.platform.ConflictException;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * Chargebacks: taking a reversed deposit back from the wallet. The recovery is planned (and the
 * plan stored) before the ledger is asked, so every delivery of the event carries out the same plan
 * under the same ledger ids, even though the wallet's balance keeps changing. A plan the ledger
 * refuses for want of money did nothing, so it is replaced by one made from the balance now.
 */
final class ChargebackDesk {
  private static final int MAX_PLANS = 3;

  private final Sql sql;
  private final ChargebackStore chargebacks;
  private final Ledger ledger;
  private final InstantSource clock;
  private final PaymentsSettings settings;

  ChargebackDesk(
      Sql sql,
      ChargebackStore chargebacks,
      Ledger ledger,
      InstantSource clock,
      PaymentsSettings settings) {
    this.sql = sql;
    this.chargebacks = chargebacks;
    this.ledger = ledger;
    this.clock = clock;
    this.settings = settings;
  }

  WebhookReceipt.Disposition created(WebhookEvent event, PaymentIntent intent) {
    if (event.amount() > intent.amount() || !event.currency().equals(intent.currency())) {
      DepositDesk.requireSamePayment(event, intent.amount(), intent.currency(), intent.id());
    }
    switch (intent.state()) {
      case PENDING ->
          throw new ConflictException(
              "out_of_order_event",
              "chargeback "
                  + event.id()
                  + " arrived before deposit "
                  + intent.id()
                  + " succeeded; send it again later");
      case DECLINED, FAILED -> {
        return WebhookReceipt.Disposition.IGNORED;
      }
      case SUCCEEDED, REVERSED -> {
        // carried on below
      }
    }
    ChargebackStore.Plan plan =
        chargebacks.byIntent(intent.id()).orElseGet(() -> plan(event, intent));
    if (plan.chargeback().applied()) {
      return WebhookReceipt.Disposition.IGNORED;
    }
    for (int attempt = 0; attempt < MAX_PLANS; attempt++) {
      Applied applied = carryOut(plan, intent);
      if (applied != null) {
        ChargebackStore.Plan done = plan;
        return sql.inTransaction(
            c -> {
              if (!EventJournal.record(c, event, true, clock.instant())) {
                return WebhookReceipt.Disposition.REPLAYED;
              }
              ChargebackStore.applied(c, done, applied.transferId, applied.holdId, clock.instant());
              IntentStore.move(
                  c, intent.id(), IntentState.SUCCEEDED, IntentState.REVERSED, "", clock.instant());
              return WebhookReceipt.Disposition.APPLIED;
            });
      }
      plan = chargebacks.replan(plan, recovery(plan.chargeback().amount(), intent));
    }
    throw new ConflictException(
        "chargeback_contended",
        "wallet "
            + intent.walletAccountId()
            + " kept changing while chargeback "
            + event.id()
            + " was recovered; send it again later");
  }

  private ChargebackStore.Plan plan(WebhookEvent event, PaymentIntent intent) {
    return chargebacks.planOnce(
        intent, event.id(), recovery(event.amount(), intent), clock.instant());
  }

  private Recovery recovery(long amount, PaymentIntent intent) {
    return Recovery.of(amount, ledger.account(intent.walletAccountId()).available());
  }

  private record Applied(@Nullable Long transferId, @Nullable Long holdId) {}

  /** Asks the ledger to carry out the plan; null when it lacked the money and did nothing. */
  private @Nullable Applied carryOut(ChargebackStore.Plan plan, PaymentIntent intent) {
    Chargeback chargeback = plan.chargeback();
    String metadata = "chargeback:" + chargeback.id() + ":deposit:" + intent.id();
    if (chargeback.recovered() > 0) {
      Outcome<Transfer> moved =
          Accounts.await(
              ledger.submit(
                  new TransferRequest(
                      LedgerIds.chargebackTransfer(intent.id(), plan.version()),
                      intent.walletAccountId(),
                      intent.clearingAccountId(),
                      chargeback.recovered(),
                      intent.currency(),
                      TransferKind.REFUND,
                      metadata)));
      return switch (moved) {
        case Outcome.Done<Transfer> done -> new Applied(done.value().id(), null);
        case Outcome.Refused<Transfer> refused -> lackedMoney(refused.reason(), refused.message());
      };
    }
    if (chargeback.held() > 0) {
      Outcome<Hold> held =
          Accounts.await(
              ledger.submitHold(
                  new HoldRequest(
                      LedgerIds.chargebackHold(intent.id(), plan.version()),
                      intent.walletAccountId(),
                      intent.clearingAccountId(),
                      chargeback.held(),
                      intent.currency(),
                      TransferKind.REFUND,
                      settings.withdrawalHoldTimeout(),
                      metadata)));
      return switch (held) {
        case Outcome.Done<Hold> done -> new Applied(null, done.value().id());
        case Outcome.Refused<Hold> refused -> lackedMoney(refused.reason(), refused.message());
      };
    }
    return new Applied(null, null);
  }

  private static @Nullable Applied lackedMoney(Rejection reason, String message) {
    if (reason == Rejection.INSUFFICIENT_FUNDS) {
      return null;
    }
    throw reason.toException(message);
  }
}
