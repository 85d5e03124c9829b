package dev.slipstream.ledger.payments;

import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Deposits and withdrawals through a {@link PaymentProvider}, settled in the {@link Ledger} by the
 * provider's signed webhooks.
 *
 * <p>Money moves only in the ledger, each movement under an idempotency id derived from the
 * payment, so a webhook delivered twice, concurrently or after a crash moves money once. A deposit
 * credits the wallet from the payment clearing account when its {@code deposit.succeeded} event
 * arrives; a withdrawal holds the money on the wallet at once and posts the hold to clearing when
 * {@code payout.paid} arrives.
 */
public interface Payments {

  /**
   * Starts a deposit of {@code amount} into the wallet from {@code paymentMethod}; the wallet is
   * credited when the provider confirms it. Asking again with the same key and contents returns the
   * same deposit (and asks the provider again if it never answered).
   *
   * @throws NotFoundException {@code account_not_found}
   * @throws InvalidInputException {@code invalid_amount}, {@code invalid_currency}, {@code
   *     currency_mismatch}, {@code not_a_wallet} or {@code invalid_payment_method}
   * @throws ConflictException {@code idempotency_conflict} when the key was used for another
   *     deposit
   */
  PaymentIntent deposit(
      long walletAccountId,
      long amount,
      String currency,
      String paymentMethod,
      UUID idempotencyKey);

  /** Returns the deposit started under this idempotency key, if there is one. */
  Optional<PaymentIntent> findDeposit(UUID idempotencyKey);

  /** Returns the deposit with this id, if there is one. */
  Optional<PaymentIntent> findIntent(long intentId);

  /**
   * Takes one webhook exactly as it arrived and applies it: checks the signature (constant-time),
   * that it was signed within the tolerance of now, and the body; then moves the payment on and the
   * money with it. An event id seen before is acknowledged as {@link
   * WebhookReceipt.Disposition#REPLAYED} and applied no second time.
   *
   * @throws UnauthorizedException {@code invalid_signature} or {@code stale_timestamp}
   * @throws InvalidInputException {@code malformed_webhook}
   * @throws NotFoundException {@code unknown_payment} when no payment has the event's payment id
   *     (yet: the provider redelivers)
   * @throws ConflictException {@code payment_mismatch} when the event's amount or currency is not
   *     the payment's, or {@code out_of_order_event} when a chargeback arrives before its deposit
   *     succeeded (the provider redelivers it)
   */
  WebhookReceipt webhook(byte[] body, Map<String, String> headers);

  /**
   * Marks the wallet's owner as verified, which withdrawals need; marking it again changes nothing.
   *
   * @throws NotFoundException {@code account_not_found}
   * @throws InvalidInputException {@code not_a_wallet} or {@code invalid_operator}
   */
  void verifyWallet(long walletAccountId, String verifiedBy);

  /** Returns whether the wallet's owner is verified. */
  boolean isVerified(long walletAccountId);

  /**
   * Asks to withdraw {@code amount} from a verified wallet to {@code destination}: the money is
   * held at once; within the review threshold the payout starts at once, above it the withdrawal
   * waits {@link WithdrawalState#IN_REVIEW} for an operator. Asking again with the same key and
   * contents returns the same withdrawal.
   *
   * @throws NotFoundException {@code account_not_found}
   * @throws InvalidInputException {@code invalid_amount}, {@code invalid_currency}, {@code
   *     currency_mismatch}, {@code not_a_wallet} or {@code invalid_payment_method}
   * @throws ConflictException {@code unverified_account}, {@code insufficient_funds} or {@code
   *     idempotency_conflict}
   */
  Withdrawal requestWithdrawal(
      long walletAccountId, long amount, String currency, String destination, UUID idempotencyKey);

  /**
   * Approves a withdrawal in review and starts its payout; approving an approved one again returns
   * it.
   *
   * @throws NotFoundException {@code withdrawal_not_found}
   * @throws InvalidInputException {@code invalid_operator}
   * @throws ConflictException {@code withdrawal_not_in_review}, or {@code hold_expired} when its
   *     hold lapsed during the review (the withdrawal is then failed)
   */
  Withdrawal approveWithdrawal(long withdrawalId, String operator);

  /**
   * Rejects a withdrawal in review and releases its hold; rejecting a rejected one again returns
   * it.
   *
   * @throws NotFoundException {@code withdrawal_not_found}
   * @throws InvalidInputException {@code invalid_operator} or {@code invalid_reason}
   * @throws ConflictException {@code withdrawal_not_in_review}
   */
  Withdrawal rejectWithdrawal(long withdrawalId, String operator, String reason);

  /** Returns the withdrawal with this id, if there is one. */
  Optional<Withdrawal> findWithdrawal(long withdrawalId);

  /** Returns the wallet's deposits, oldest first. */
  List<PaymentIntent> deposits(long walletAccountId);

  /** Returns the wallet's withdrawals, oldest first. */
  List<Withdrawal> withdrawals(long walletAccountId);

  /** Returns every withdrawal in {@code state}, oldest first, at most {@code limit}. */
  List<Withdrawal> withdrawalsIn(WithdrawalState state, int limit);

  /** Returns the chargebacks against the wallet, oldest first: a fraud signal. */
  List<Chargeback> chargebacks(long walletAccountId);

  /**
   * Finishes payments a crash cut short between their money and their state, where the provider
   * will not send the webhook again, and returns how many: deposits the ledger already credited but
   * still pending (or failed by timeout) are marked succeeded; failed or rejected withdrawals still
   * holding the money have it released; approved withdrawals whose payout the ledger already posted
   * are marked paid. The composition root runs it at start, before taking requests, and before each
   * timeout sweep. It moves money only to release what nothing backs any more.
   */
  int finishInterrupted();

  /**
   * Fails every deposit still pending after {@code olderThan} with reason {@code timeout} and
   * returns how many it failed. A confirmation that arrives later still credits the wallet.
   */
  int timeoutPending(Duration olderThan);

  /**
   * Returns the port that tells reconciliation which open holds payments own: a hold is backed when
   * it reserves a withdrawal that is in review or approved, or a chargeback's recovery. The
   * composition root counts a hold as unbacked only when neither this nor the bet engine owns it.
   */
  HoldBacking holdBacking();

  /**
   * Returns payments kept in the {@code ledger} schema of {@code dataSource} (migrated with {@link
   * Ledger#MIGRATION}), moving money in {@code ledger} through {@code provider}.
   */
  static Payments postgres(
      DataSource dataSource,
      Ledger ledger,
      PaymentProvider provider,
      InstantSource clock,
      PaymentsSettings settings) {
    return new PostgresPayments(dataSource, ledger, provider, clock, settings);
  }
}
