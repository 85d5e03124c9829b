package dev.slipstream.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The naive reference the real ledger is checked against: the same rules, one request at a time, in
 * plain maps. Each method returns the refusal the ledger should give, or null when the request
 * should take effect (or replay).
 */
final class ReferenceLedger {
  static final class Balance {
    final String currency;
    final boolean allowNegative;
    long balance;
    long held;

    Balance(String currency, boolean allowNegative) {
      this.currency = currency;
      this.allowNegative = allowNegative;
    }
  }

  private static final class PendingHold {
    final HoldRequest request;
    final Instant expiresAt;
    HoldState state = HoldState.PENDING;

    PendingHold(HoldRequest request, Instant expiresAt) {
      this.request = request;
      this.expiresAt = expiresAt;
    }
  }

  final Map<Long, Balance> accounts = new HashMap<>();
  private final Map<Long, PendingHold> holds = new HashMap<>();
  private final Map<UUID, Object> transferRequests = new HashMap<>();
  private final Map<UUID, HoldRequest> holdRequests = new HashMap<>();

  void open(Account account) {
    accounts.put(account.id(), new Balance(account.currency(), account.allowNegative()));
  }

  @Nullable Rejection transfer(TransferRequest r) {
    Object earlier = transferRequests.get(r.idempotencyId());
    if (earlier != null) {
      return earlier.equals(r) ? null : Rejection.IDEMPOTENCY_CONFLICT;
    }
    Balance debit = accounts.get(r.debitAccountId());
    Balance credit = accounts.get(r.creditAccountId());
    Rejection refused = check(debit, credit, r.currency(), r.amount());
    if (refused != null) {
      return refused;
    }
    debit.balance -= r.amount();
    credit.balance += r.amount();
    transferRequests.put(r.idempotencyId(), r);
    return null;
  }

  @Nullable Rejection hold(HoldRequest r, long holdId, Instant now) {
    HoldRequest earlier = holdRequests.get(r.idempotencyId());
    if (earlier != null) {
      return earlier.equals(r) ? null : Rejection.IDEMPOTENCY_CONFLICT;
    }
    Balance debit = accounts.get(r.debitAccountId());
    Rejection refused = check(debit, accounts.get(r.creditAccountId()), r.currency(), r.amount());
    if (refused != null) {
      return refused;
    }
    debit.held += r.amount();
    holds.put(holdId, new PendingHold(r, now.plus(r.timeout())));
    holdRequests.put(r.idempotencyId(), r);
    return null;
  }

  @Nullable Rejection post(PostRequest r, Instant now) {
    Object earlier = transferRequests.get(r.idempotencyId());
    if (earlier != null) {
      return earlier.equals(r) ? null : Rejection.IDEMPOTENCY_CONFLICT;
    }
    PendingHold hold = holds.get(r.holdId());
    if (hold == null) {
      return Rejection.HOLD_NOT_FOUND;
    }
    if (hold.state != HoldState.PENDING) {
      return Rejection.HOLD_NOT_PENDING;
    }
    if (!now.isBefore(hold.expiresAt)) {
      return Rejection.HOLD_EXPIRED;
    }
    long amount = r.amount().orElse(hold.request.amount());
    if (amount > hold.request.amount()) {
      return Rejection.AMOUNT_EXCEEDS_HOLD;
    }
    Balance debit = accounts.get(hold.request.debitAccountId());
    debit.held -= hold.request.amount();
    debit.balance -= amount;
    accounts.get(hold.request.creditAccountId()).balance += amount;
    hold.state = HoldState.POSTED;
    transferRequests.put(r.idempotencyId(), r);
    return null;
  }

  @Nullable Rejection voidHold(long holdId) {
    PendingHold hold = holds.get(holdId);
    if (hold == null) {
      return Rejection.HOLD_NOT_FOUND;
    }
    if (hold.state == HoldState.VOIDED) {
      return null;
    }
    if (hold.state != HoldState.PENDING) {
      return Rejection.HOLD_NOT_PENDING;
    }
    release(hold, HoldState.VOIDED);
    return null;
  }

  int expire(Instant now) {
    int expired = 0;
    for (PendingHold hold : holds.values()) {
      if (hold.state == HoldState.PENDING && !now.isBefore(hold.expiresAt)) {
        release(hold, HoldState.EXPIRED);
        expired++;
      }
    }
    return expired;
  }

  private void release(PendingHold hold, HoldState state) {
    accounts.get(hold.request.debitAccountId()).held -= hold.request.amount();
    hold.state = state;
  }

  private static @Nullable Rejection check(
      @Nullable Balance debit, @Nullable Balance credit, String currency, long amount) {
    if (debit == null || credit == null) {
      return Rejection.ACCOUNT_NOT_FOUND;
    }
    if (!debit.currency.equals(currency) || !credit.currency.equals(currency)) {
      return Rejection.CURRENCY_MISMATCH;
    }
    if (!debit.allowNegative && debit.balance - debit.held < amount) {
      return Rejection.INSUFFICIENT_FUNDS;
    }
    return null;
  }
}
