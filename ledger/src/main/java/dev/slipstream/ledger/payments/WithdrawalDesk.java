package dev.slipstream.ledger.payments;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.HoldState;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Outcome;
import dev.slipstream.ledger.PostRequest;
import dev.slipstream.ledger.Rejection;
import dev.slipstream.ledger.Transfer;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.RejectedException;
import java.time.InstantSource;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdrawals: the hold at request, the review of large ones, the payout, and the provider's
 * verdict on it. Every step can be repeated: a withdrawal left half-way by a crash is carried on by
 * the next request under its key, approval, or webhook.
 */
final class WithdrawalDesk {
  private static final Logger log = LoggerFactory.getLogger(WithdrawalDesk.class);

  private final Sql sql;
  private final WithdrawalStore withdrawals;
  private final Accounts accounts;
  private final Ledger ledger;
  private final PaymentProvider provider;
  private final InstantSource clock;
  private final PaymentsSettings settings;

  WithdrawalDesk(
      Sql sql,
      WithdrawalStore withdrawals,
      Accounts accounts,
      Ledger ledger,
      PaymentProvider provider,
      InstantSource clock,
      PaymentsSettings settings) {
    this.sql = sql;
    this.withdrawals = withdrawals;
    this.accounts = accounts;
    this.ledger = ledger;
    this.provider = provider;
    this.clock = clock;
    this.settings = settings;
  }

  Withdrawal request(
      long walletAccountId, long amount, String currency, String destination, UUID key) {
    PaymentOrder.amount(amount);
    PaymentOrder.currency(currency);
    PaymentOrder.paymentMethod(destination);
    if (key == null) {
      throw new InvalidInputException("missing_idempotency_key", "idempotency key is required");
    }
    accounts.wallet(walletAccountId, currency);
    if (!withdrawals.isVerified(walletAccountId)) {
      throw new ConflictException(
          "unverified_account",
          "wallet " + walletAccountId + " belongs to an unverified account and cannot withdraw");
    }
    long clearing = accounts.clearing(currency);
    Withdrawal withdrawal =
        withdrawals.insertOrGet(
            key, walletAccountId, clearing, amount, currency, destination, clock.instant());
    if (withdrawal.walletAccountId() != walletAccountId
        || withdrawal.amount() != amount
        || !withdrawal.currency().equals(currency)
        || !withdrawal.destination().equals(destination)) {
      throw new ConflictException(
          "idempotency_conflict",
          "idempotency key "
              + key
              + " was already used for a different withdrawal; nothing was changed");
    }
    return carryOn(withdrawal);
  }

  Withdrawal approve(long withdrawalId, String operator) {
    checkOperator(operator);
    Withdrawal withdrawal = find(withdrawalId);
    if (withdrawal.state() == WithdrawalState.APPROVED
        || withdrawal.state() == WithdrawalState.PAID) {
      return carryOn(withdrawal);
    }
    if (withdrawal.state() != WithdrawalState.IN_REVIEW) {
      throw notInReview(withdrawal);
    }
    Hold hold = ledger.findHold(Objects.requireNonNull(withdrawal.holdId())).orElseThrow();
    if (hold.state() != HoldState.PENDING) {
      withdrawals.move(
          withdrawalId,
          WithdrawalState.IN_REVIEW,
          WithdrawalState.FAILED,
          operator,
          "hold_expired",
          clock.instant());
      throw new ConflictException(
          "hold_expired",
          "withdrawal " + withdrawalId + "'s hold lapsed during review; the withdrawal failed");
    }
    WithdrawalStore.Moved moved =
        withdrawals.move(
            withdrawalId,
            WithdrawalState.IN_REVIEW,
            WithdrawalState.APPROVED,
            operator,
            null,
            clock.instant());
    if (!moved.moved() && moved.withdrawal().state() != WithdrawalState.APPROVED) {
      throw notInReview(moved.withdrawal());
    }
    return carryOn(moved.withdrawal());
  }

  Withdrawal reject(long withdrawalId, String operator, String reason) {
    checkOperator(operator);
    if (reason == null || reason.isBlank() || reason.length() > 256) {
      throw new InvalidInputException(
          "invalid_reason", "a rejection needs a reason of 1 to 256 characters");
    }
    Withdrawal withdrawal = find(withdrawalId);
    if (withdrawal.state() != WithdrawalState.REJECTED) {
      if (withdrawal.state() != WithdrawalState.IN_REVIEW) {
        throw notInReview(withdrawal);
      }
      WithdrawalStore.Moved moved =
          withdrawals.move(
              withdrawalId,
              WithdrawalState.IN_REVIEW,
              WithdrawalState.REJECTED,
              operator,
              reason,
              clock.instant());
      if (moved.withdrawal().state() != WithdrawalState.REJECTED) {
        throw notInReview(moved.withdrawal());
      }
      withdrawal = moved.withdrawal();
    }
    // after the state change, never before: a concurrent approval must not lose its hold
    release(withdrawal);
    return withdrawal;
  }

  WebhookReceipt.Disposition paid(WebhookEvent event, Withdrawal withdrawal) {
    DepositDesk.requireSamePayment(
        event, withdrawal.amount(), withdrawal.currency(), withdrawal.id());
    if (withdrawal.state() != WithdrawalState.APPROVED) {
      if (withdrawal.state() != WithdrawalState.PAID) {
        log.error(
            "withdrawal {} is {} but the provider paid {} out; check by hand",
            withdrawal.id(),
            withdrawal.state(),
            event.paymentId());
      }
      return WebhookReceipt.Disposition.IGNORED;
    }
    payOut(withdrawal);
    return sql.inTransaction(
        c -> {
          if (!EventJournal.record(c, event, true, clock.instant())) {
            return WebhookReceipt.Disposition.REPLAYED;
          }
          WithdrawalStore.move(
              c,
              withdrawal.id(),
              WithdrawalState.APPROVED,
              WithdrawalState.PAID,
              null,
              null,
              clock.instant());
          return WebhookReceipt.Disposition.APPLIED;
        });
  }

  WebhookReceipt.Disposition failed(WebhookEvent event, Withdrawal withdrawal) {
    DepositDesk.requireSamePayment(
        event, withdrawal.amount(), withdrawal.currency(), withdrawal.id());
    if (withdrawal.state() != WithdrawalState.APPROVED) {
      if (withdrawal.state() == WithdrawalState.FAILED) {
        release(withdrawal); // in case a crash came between failing it and voiding its hold
      }
      return WebhookReceipt.Disposition.IGNORED;
    }
    WebhookReceipt.Disposition disposition =
        sql.inTransaction(
            c -> {
              if (!EventJournal.record(c, event, true, clock.instant())) {
                return WebhookReceipt.Disposition.REPLAYED;
              }
              WithdrawalStore.move(
                  c,
                  withdrawal.id(),
                  WithdrawalState.APPROVED,
                  WithdrawalState.FAILED,
                  null,
                  "payout_failed",
                  clock.instant());
              return WebhookReceipt.Disposition.APPLIED;
            });
    release(withdrawal);
    return disposition;
  }

  /**
   * Finishes what a crash cut short between a withdrawal's state change and its money, where no
   * webhook will come again to finish it (the provider already had its answer): a failed or
   * rejected withdrawal whose hold is still pending has it released; an approved one whose payout
   * the ledger already holds (its hold posted) is marked paid. Returns how many it finished.
   */
  int finishInterrupted() {
    int finished = 0;
    for (Withdrawal w :
        withdrawals.list(
            "state IN ('failed', 'rejected') AND hold_id IN (SELECT id FROM ledger.holds WHERE"
                + " state = 'pending') ORDER BY id",
            s -> {})) {
      release(w);
      finished++;
    }
    for (Withdrawal w :
        withdrawals.list(
            "state = 'approved' AND hold_id IN (SELECT id FROM ledger.holds WHERE state ="
                + " 'posted') ORDER BY id",
            s -> {})) {
      if (withdrawals
          .move(w.id(), WithdrawalState.APPROVED, WithdrawalState.PAID, null, null, clock.instant())
          .moved()) {
        finished++;
      }
    }
    return finished;
  }

  /** Moves the withdrawal on as far as it can go now: held, then (if approved) payout started. */
  private Withdrawal carryOn(Withdrawal withdrawal) {
    if (withdrawal.state() == WithdrawalState.REQUESTED) {
      Outcome<Hold> held =
          Accounts.await(
              ledger.submitHold(
                  new HoldRequest(
                      LedgerIds.withdrawalHold(withdrawal.id()),
                      withdrawal.walletAccountId(),
                      withdrawal.clearingAccountId(),
                      withdrawal.amount(),
                      withdrawal.currency(),
                      TransferKind.WITHDRAWAL,
                      settings.withdrawalHoldTimeout(),
                      "withdrawal:" + withdrawal.id())));
      switch (held) {
        case Outcome.Refused<Hold> refused -> {
          withdrawals.forgetRequested(withdrawal.id());
          throw refused.reason().toException(refused.message());
        }
        case Outcome.Done<Hold> done -> {
          WithdrawalState next =
              withdrawal.amount() > settings.reviewThreshold()
                  ? WithdrawalState.IN_REVIEW
                  : WithdrawalState.APPROVED;
          withdrawal = withdrawals.held(withdrawal.id(), done.value().id(), next, clock.instant());
        }
      }
    }
    if (withdrawal.state() == WithdrawalState.APPROVED && withdrawal.providerPaymentId() == null) {
      withdrawal = startPayout(withdrawal);
    }
    return withdrawal;
  }

  private Withdrawal startPayout(Withdrawal withdrawal) {
    ProviderPayment payout;
    try {
      payout =
          provider.startPayout(
              new PaymentOrder(
                  withdrawal.amount(),
                  withdrawal.currency(),
                  withdrawal.destination(),
                  "withdrawal-" + withdrawal.idempotencyKey()));
    } catch (RejectedException refused) {
      // the provider's definite no: the money goes back to the player
      withdrawals.move(
          withdrawal.id(),
          WithdrawalState.APPROVED,
          WithdrawalState.FAILED,
          null,
          refused.code(),
          clock.instant());
      release(withdrawal);
      throw refused;
    }
    return withdrawals.attachProviderPayment(withdrawal.id(), payout.paymentId(), clock.instant());
  }

  /** Posts the hold to clearing; if it lapsed, moves the money by a plain transfer instead. */
  private void payOut(Withdrawal withdrawal) {
    UUID id = LedgerIds.payout(withdrawal.id());
    Outcome<Transfer> posted =
        Accounts.await(
            ledger.submitPost(PostRequest.full(id, Objects.requireNonNull(withdrawal.holdId()))));
    if (posted instanceof Outcome.Refused<Transfer> refused) {
      if (refused.reason() != Rejection.HOLD_EXPIRED
          && refused.reason() != Rejection.HOLD_NOT_PENDING
          && refused.reason() != Rejection.IDEMPOTENCY_CONFLICT) {
        throw refused.reason().toException(refused.message());
      }
      log.warn(
          "withdrawal {} was paid after its hold lapsed; taking it from the wallet",
          withdrawal.id());
      ledger.transfer(
          new TransferRequest(
              id,
              withdrawal.walletAccountId(),
              withdrawal.clearingAccountId(),
              withdrawal.amount(),
              withdrawal.currency(),
              TransferKind.WITHDRAWAL,
              "withdrawal:" + withdrawal.id()));
    }
  }

  /** Voids the hold; one that already lapsed has released the money by itself. */
  private void release(Withdrawal withdrawal) {
    Outcome<Hold> voided =
        Accounts.await(ledger.submitVoid(Objects.requireNonNull(withdrawal.holdId())));
    if (voided instanceof Outcome.Refused<Hold> refused) {
      Hold hold = ledger.findHold(withdrawal.holdId()).orElseThrow();
      if (hold.state() != HoldState.EXPIRED) {
        throw refused.reason().toException(refused.message());
      }
    }
  }

  private Withdrawal find(long withdrawalId) {
    return withdrawals
        .byId(withdrawalId)
        .orElseThrow(
            () -> new NotFoundException("withdrawal_not_found", "no withdrawal " + withdrawalId));
  }

  private static void checkOperator(String operator) {
    if (operator == null || operator.isBlank() || operator.length() > 128) {
      throw new InvalidInputException(
          "invalid_operator", "operator must be 1 to 128 characters (was " + operator + ")");
    }
  }

  private static ConflictException notInReview(Withdrawal withdrawal) {
    return new ConflictException(
        "withdrawal_not_in_review",
        "withdrawal "
            + withdrawal.id()
            + " is "
            + withdrawal.state().wireName()
            + ", not in review");
  }
}
