package dev.slipstream.ledger.payments;

import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Payments on PostgreSQL. A webhook is checked (signature, time window, body) before anything is
 * read; then the desk for its event type moves the money in the ledger under an id derived from the
 * payment, and records the event id with the payment's new state in one transaction. A duplicate
 * delivery, concurrent or later, finds the event id taken and is answered as replayed; if it got as
 * far as the ledger first, the ledger answered it with the original movement.
 */
final class PostgresPayments implements Payments {
  private final Ledger ledger;
  private final InstantSource clock;
  private final PaymentsSettings settings;
  private final WebhookSignature signature;
  private final IntentStore intents;
  private final WithdrawalStore withdrawals;
  private final ChargebackStore chargebacks;
  private final EventJournal journal;
  private final DepositDesk deposits;
  private final WithdrawalDesk withdrawalDesk;
  private final ChargebackDesk chargebackDesk;
  private final CreditedDeposits credited;

  PostgresPayments(
      DataSource dataSource,
      Ledger ledger,
      PaymentProvider provider,
      InstantSource clock,
      PaymentsSettings settings) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(provider, "provider");
    Sql sql = new Sql(Objects.requireNonNull(dataSource, "dataSource"));
    Accounts accounts = new Accounts(ledger, settings.clearingOwner());
    this.signature = new WebhookSignature(settings.webhookSecret());
    this.intents = new IntentStore(sql);
    this.withdrawals = new WithdrawalStore(sql);
    this.chargebacks = new ChargebackStore(sql);
    this.journal = new EventJournal(sql);
    this.deposits = new DepositDesk(sql, intents, accounts, ledger, provider, clock);
    this.withdrawalDesk =
        new WithdrawalDesk(sql, withdrawals, accounts, ledger, provider, clock, settings);
    this.chargebackDesk = new ChargebackDesk(sql, chargebacks, ledger, clock, settings);
    this.credited = new CreditedDeposits(sql, clock);
  }

  @Override
  public PaymentIntent deposit(
      long walletAccountId,
      long amount,
      String currency,
      String paymentMethod,
      UUID idempotencyKey) {
    return deposits.deposit(walletAccountId, amount, currency, paymentMethod, idempotencyKey);
  }

  @Override
  public Optional<PaymentIntent> findDeposit(UUID idempotencyKey) {
    return intents.byKey(idempotencyKey);
  }

  @Override
  public Optional<PaymentIntent> findIntent(long intentId) {
    return intents.byId(intentId);
  }

  @Override
  public WebhookReceipt webhook(byte[] body, Map<String, String> headers) {
    if (body == null || headers == null) {
      throw new InvalidInputException("malformed_webhook", "webhook needs a body and headers");
    }
    signature.verify(body, headers, clock.instant(), settings.signatureTolerance());
    WebhookEvent event = WebhookEvent.parse(body);
    if (journal.seen(event.id())) {
      return new WebhookReceipt(event.id(), WebhookReceipt.Disposition.REPLAYED);
    }
    WebhookReceipt.Disposition disposition =
        event
            .type()
            .map(
                type ->
                    switch (type) {
                      case DEPOSIT_SUCCEEDED -> deposits.succeeded(event, intentOf(event));
                      case DEPOSIT_DECLINED -> deposits.declined(event, intentOf(event));
                      case PAYOUT_PAID -> withdrawalDesk.paid(event, withdrawalOf(event));
                      case PAYOUT_FAILED -> withdrawalDesk.failed(event, withdrawalOf(event));
                      case CHARGEBACK_CREATED -> chargebackDesk.created(event, intentOf(event));
                    })
            .orElse(WebhookReceipt.Disposition.IGNORED);
    if (disposition == WebhookReceipt.Disposition.IGNORED
        && !journal.recordIgnored(event, clock.instant())) {
      disposition = WebhookReceipt.Disposition.REPLAYED;
    }
    return new WebhookReceipt(event.id(), disposition);
  }

  @Override
  public void verifyWallet(long walletAccountId, String verifiedBy) {
    if (verifiedBy == null || verifiedBy.isBlank() || verifiedBy.length() > 128) {
      throw new InvalidInputException(
          "invalid_operator", "verifier must be 1 to 128 characters (was " + verifiedBy + ")");
    }
    if (ledger.account(walletAccountId).kind() != AccountKind.PLAYER_WALLET) {
      throw new InvalidInputException(
          "not_a_wallet", "account " + walletAccountId + " is not a player wallet");
    }
    withdrawals.verify(walletAccountId, verifiedBy, clock.instant());
  }

  @Override
  public boolean isVerified(long walletAccountId) {
    return withdrawals.isVerified(walletAccountId);
  }

  @Override
  public Withdrawal requestWithdrawal(
      long walletAccountId, long amount, String currency, String destination, UUID idempotencyKey) {
    return withdrawalDesk.request(walletAccountId, amount, currency, destination, idempotencyKey);
  }

  @Override
  public Withdrawal approveWithdrawal(long withdrawalId, String operator) {
    return withdrawalDesk.approve(withdrawalId, operator);
  }

  @Override
  public Withdrawal rejectWithdrawal(long withdrawalId, String operator, String reason) {
    return withdrawalDesk.reject(withdrawalId, operator, reason);
  }

  @Override
  public Optional<Withdrawal> findWithdrawal(long withdrawalId) {
    return withdrawals.byId(withdrawalId);
  }

  @Override
  public List<PaymentIntent> deposits(long walletAccountId) {
    return intents.byWallet(walletAccountId);
  }

  @Override
  public List<Withdrawal> withdrawals(long walletAccountId) {
    return withdrawals.list(
        "wallet_account_id = ? ORDER BY id", s -> s.setLong(1, walletAccountId));
  }

  @Override
  public List<Withdrawal> withdrawalsIn(WithdrawalState state, int limit) {
    return withdrawals.list(
        "state = ? ORDER BY id LIMIT ?",
        s -> {
          s.setString(1, state.wireName());
          s.setInt(2, Math.max(0, limit));
        });
  }

  @Override
  public List<Chargeback> chargebacks(long walletAccountId) {
    return chargebacks.byWallet(walletAccountId);
  }

  @Override
  public int finishInterrupted() {
    return credited.finish() + withdrawalDesk.finishInterrupted();
  }

  @Override
  public int timeoutPending(Duration olderThan) {
    if (olderThan == null || olderThan.isNegative() || olderThan.isZero()) {
      throw new InvalidInputException(
          "invalid_timeout", "a deposit timeout must be positive (was " + olderThan + ")");
    }
    return intents.timeOut(clock.instant().minus(olderThan), clock.instant());
  }

  @Override
  public HoldBacking holdBacking() {
    return openHolds -> {
      if (openHolds.isEmpty()) {
        return List.of();
      }
      List<Long> ids = openHolds.stream().map(Hold::id).toList();
      Set<Long> owned = new HashSet<>(withdrawals.openHolds(ids));
      owned.addAll(chargebacks.holdsAmong(ids));
      List<Long> unbacked = new ArrayList<>();
      for (Long id : ids) {
        if (!owned.contains(id)) {
          unbacked.add(id);
        }
      }
      return unbacked;
    };
  }

  private PaymentIntent intentOf(WebhookEvent event) {
    return intents.byProviderPaymentId(event.paymentId()).orElseThrow(() -> unknownPayment(event));
  }

  private Withdrawal withdrawalOf(WebhookEvent event) {
    return withdrawals
        .byProviderPaymentId(event.paymentId())
        .orElseThrow(() -> unknownPayment(event));
  }

  private static NotFoundException unknownPayment(WebhookEvent event) {
    return new NotFoundException(
        "unknown_payment",
        "event "
            + event.id()
            + " names payment "
            + event.paymentId()
            + ", which is not ours (yet)");
  }
}
