package dev.slipstream.ledger.payments;

import static dev.slipstream.ledger.payments.DepositsIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.HoldState;
import dev.slipstream.ledger.PostRequest;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.NotFoundException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WithdrawalsIT extends PaymentsFixture {

  @BeforeEach
  void fundTheWallet() {
    deposited(100_000);
  }

  @Test
  void anUnverifiedAccountCannotWithdrawAndNothingIsHeld() {
    assertRefused(() -> withdraw(3_000, "tok_visa"), ConflictException.class, "unverified_account");

    assertThat(held(wallet.id())).isZero();
    assertThat(count("withdrawals")).isZero();
  }

  @Test
  void aSmallWithdrawalIsHeldAtOnceThenPaidOut() {
    payments.verifyWallet(wallet.id(), "kyc-bot");

    Withdrawal withdrawal = withdraw(3_000, "tok_visa");

    assertThat(withdrawal.state()).isEqualTo(WithdrawalState.APPROVED);
    assertThat(withdrawal.providerPaymentId()).startsWith("po_");
    assertThat(held(wallet.id())).isEqualTo(3_000);
    assertThat(ledger.account(wallet.id()).available()).isEqualTo(97_000);

    pass(Duration.ofSeconds(2));

    assertThat(payments.findWithdrawal(withdrawal.id()).orElseThrow().state())
        .isEqualTo(WithdrawalState.PAID);
    assertThat(ledger.findHold(withdrawal.holdId()).orElseThrow().state())
        .isEqualTo(HoldState.POSTED);
    assertThat(balance(wallet.id())).isEqualTo(97_000);
    assertThat(held(wallet.id())).isZero();
    assertThat(clearingBalance()).isEqualTo(-97_000);
  }

  @Test
  void aLargeWithdrawalWaitsForReviewAndIsPaidOnceApproved() {
    payments.verifyWallet(wallet.id(), "kyc-bot");

    Withdrawal withdrawal = withdraw(60_000, "tok_visa");
    pass(Duration.ofMinutes(1));

    assertThat(withdrawal.state()).isEqualTo(WithdrawalState.IN_REVIEW);
    assertThat(withdrawal.providerPaymentId()).isNull();
    assertThat(sink.deliveries()).hasSize(1); // only the deposit's confirmation
    assertThat(held(wallet.id())).isEqualTo(60_000);

    Withdrawal approved = payments.approveWithdrawal(withdrawal.id(), "operator-ann");
    assertThat(payments.approveWithdrawal(withdrawal.id(), "operator-ann").providerPaymentId())
        .isEqualTo(approved.providerPaymentId());
    pass(Duration.ofSeconds(2));

    Withdrawal paid = payments.findWithdrawal(withdrawal.id()).orElseThrow();
    assertThat(approved.state()).isEqualTo(WithdrawalState.APPROVED);
    assertThat(paid.state()).isEqualTo(WithdrawalState.PAID);
    assertThat(paid.reviewedBy()).isEqualTo("operator-ann");
    assertThat(balance(wallet.id())).isEqualTo(40_000);
    assertThat(held(wallet.id())).isZero();
  }

  @Test
  void aRejectedWithdrawalReleasesItsHoldAndCannotBeApprovedAfterwards() {
    payments.verifyWallet(wallet.id(), "kyc-bot");
    Withdrawal withdrawal = withdraw(60_000, "tok_visa");

    Withdrawal rejected =
        payments.rejectWithdrawal(withdrawal.id(), "operator-ann", "source of funds unclear");

    assertThat(rejected.state()).isEqualTo(WithdrawalState.REJECTED);
    assertThat(rejected.failureReason()).isEqualTo("source of funds unclear");
    assertThat(ledger.findHold(withdrawal.holdId()).orElseThrow().state())
        .isEqualTo(HoldState.VOIDED);
    assertThat(balance(wallet.id())).isEqualTo(100_000);
    assertThat(held(wallet.id())).isZero();
    assertRefused(
        () -> payments.approveWithdrawal(withdrawal.id(), "operator-bob"),
        ConflictException.class,
        "withdrawal_not_in_review");
  }

  @Test
  void aFailedPayoutReleasesTheHoldAndTheMoneyStays() {
    payments.verifyWallet(wallet.id(), "kyc-bot");
    Withdrawal withdrawal = withdraw(3_000, "tok_declined");

    pass(Duration.ofSeconds(2));

    Withdrawal failed = payments.findWithdrawal(withdrawal.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(WithdrawalState.FAILED);
    assertThat(failed.failureReason()).isEqualTo("payout_failed");
    assertThat(balance(wallet.id())).isEqualTo(100_000);
    assertThat(held(wallet.id())).isZero();
  }

  @Test
  void aRejectionCutShortByACrashReleasesItsHoldAtTheNextStart() {
    payments.verifyWallet(wallet.id(), "kyc-bot");
    Withdrawal withdrawal = withdraw(60_000, "tok_visa");
    // the rejection committed, then the process died before the hold was voided
    sql(
        "UPDATE ledger.withdrawals SET state = 'rejected', reviewed_by = 'operator-ann',"
            + " failure_reason = 'not the owner' WHERE id = "
            + withdrawal.id());
    assertThat(held(wallet.id())).isEqualTo(60_000);

    assertThat(payments.finishInterrupted()).isEqualTo(1);

    assertThat(held(wallet.id())).isZero();
    assertThat(ledger.findHold(withdrawal.holdId()).orElseThrow().state())
        .isEqualTo(HoldState.VOIDED);
    assertThat(payments.findWithdrawal(withdrawal.id()).orElseThrow().state())
        .isEqualTo(WithdrawalState.REJECTED);
    assertThat(balance(wallet.id())).isEqualTo(100_000);
    assertThat(payments.finishInterrupted()).isZero();
  }

  @Test
  void aPayoutPostedJustBeforeACrashIsMarkedPaidAtTheNextStartAndPaidOnce() {
    payments.verifyWallet(wallet.id(), "kyc-bot");
    Withdrawal withdrawal = withdraw(3_000, "tok_visa");
    // the provider's "paid" webhook posted the hold, then the process died before the state
    ledger.post(
        PostRequest.full(
            LedgerIds.payout(withdrawal.id()), Objects.requireNonNull(withdrawal.holdId())));
    assertThat(payments.findWithdrawal(withdrawal.id()).orElseThrow().state())
        .isEqualTo(WithdrawalState.APPROVED);

    assertThat(payments.finishInterrupted()).isEqualTo(1);

    assertThat(payments.findWithdrawal(withdrawal.id()).orElseThrow().state())
        .isEqualTo(WithdrawalState.PAID);
    pass(Duration.ofSeconds(2)); // the provider's webhook, delivered late, changes nothing
    assertThat(payments.findWithdrawal(withdrawal.id()).orElseThrow().state())
        .isEqualTo(WithdrawalState.PAID);
    assertThat(balance(wallet.id())).isEqualTo(97_000);
    assertThat(held(wallet.id())).isZero();
    assertThat(clearingBalance()).isEqualTo(-97_000);
  }

  @Test
  void moreThanIsAvailableIsRefusedAndNothingIsRecorded() {
    payments.verifyWallet(wallet.id(), "kyc-bot");

    assertRefused(
        () -> withdraw(100_001, "tok_visa"), ConflictException.class, "insufficient_funds");
    assertRefused(
        () -> payments.approveWithdrawal(424_242, "operator-ann"),
        NotFoundException.class,
        "withdrawal_not_found");

    assertThat(count("withdrawals")).isZero();
    assertThat(held(wallet.id())).isZero();
  }

  @Test
  void askingAgainWithTheSameKeyReturnsTheSameWithdrawalAndHoldsOnce() {
    payments.verifyWallet(wallet.id(), "kyc-bot");
    UUID key = UUID.randomUUID();

    Withdrawal first = payments.requestWithdrawal(wallet.id(), 3_000, "EUR", "tok_visa", key);
    Withdrawal again = payments.requestWithdrawal(wallet.id(), 3_000, "EUR", "tok_visa", key);

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.providerPaymentId()).isEqualTo(first.providerPaymentId());
    assertThat(held(wallet.id())).isEqualTo(3_000);
    assertRefused(
        () -> payments.requestWithdrawal(wallet.id(), 3_001, "EUR", "tok_visa", key),
        ConflictException.class,
        "idempotency_conflict");
    pass(Duration.ofSeconds(2));
    assertThat(balance(wallet.id())).isEqualTo(97_000);
  }

  private Withdrawal withdraw(long amount, String destination) {
    return payments.requestWithdrawal(wallet.id(), amount, "EUR", destination, UUID.randomUUID());
  }
}
