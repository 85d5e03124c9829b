package dev.slipstream.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Decides, in queue order, what each request of one batch does, against the account rows the batch
 * read, its locked hold rows and the idempotency ids already stored. Pure: it touches no database,
 * so every rule here is testable alone; {@link BatchStore} loads its inputs and writes its result.
 *
 * <p>A request that is refused leaves the working state as it found it, so it cannot affect the
 * requests after it; the ones it does accept see each other's effects in order, exactly as if they
 * had been committed one by one.
 */
final class BatchPlan {
  private final Instant now;
  private final Map<Long, WorkingAccount> accounts;
  private final Map<UUID, Transfer> storedTransfers;
  private final Map<UUID, Hold> storedHolds;
  private final Map<Long, Hold> holds;
  private final Map<UUID, Accepted<TransferDraft>> batchTransfers = new HashMap<>();
  private final Map<UUID, Accepted<HoldDraft>> batchHolds = new HashMap<>();

  final List<TransferDraft> newTransfers = new ArrayList<>();
  final List<HoldDraft> newHolds = new ArrayList<>();
  final List<Hold> resolvedHolds = new ArrayList<>();
  final List<Runnable> completions = new ArrayList<>();

  /**
   * Idempotency ids of refused transfers and posts: when the stored ids were not looked up first,
   * one of these may be a repeat of a committed request, which must replay instead.
   */
  final List<UUID> refusedTransferIds = new ArrayList<>();

  /** Idempotency ids of refused holds, for the same check. */
  final List<UUID> refusedHoldIds = new ArrayList<>();

  private int refusals;

  /**
   * Creates a plan.
   *
   * @param now the batch's commit time, in microseconds as PostgreSQL keeps it
   * @param accounts the rows of every account the batch names that exist
   * @param storedTransfers committed transfers whose idempotency ids the batch uses
   * @param storedHolds committed holds whose idempotency ids the batch uses
   * @param holds the rows of every hold the batch posts or releases that exist, locked
   */
  BatchPlan(
      Instant now,
      Map<Long, WorkingAccount> accounts,
      Map<UUID, Transfer> storedTransfers,
      Map<UUID, Hold> storedHolds,
      Map<Long, Hold> holds) {
    this.now = now;
    this.accounts = accounts;
    this.storedTransfers = storedTransfers;
    this.storedHolds = storedHolds;
    this.holds = new HashMap<>(holds);
  }

  void decide(Command command) {
    int refusedBefore = refusals;
    switch (command) {
      case Command.Move move -> move(move.request(), move.result());
      case Command.Reserve reserve -> reserve(reserve.request(), reserve.result());
      case Command.Post post -> post(post.request(), post.result());
      case Command.Release release -> release(release.holdId(), release.target(), release.result());
    }
    if (refusals != refusedBefore) {
      switch (command) {
        case Command.Move move -> refusedTransferIds.add(move.request().idempotencyId());
        case Command.Post post -> refusedTransferIds.add(post.request().idempotencyId());
        case Command.Reserve reserve -> refusedHoldIds.add(reserve.request().idempotencyId());
        case Command.Release release -> {}
      }
    }
  }

  /**
   * Returns the accounts this batch changed, in id order: the update locks them in that order, so
   * two writers sharing the database wait for each other rather than deadlock.
   */
  List<WorkingAccount> changedAccounts() {
    return accounts.values().stream()
        .filter(a -> a.changed)
        .sorted(Comparator.comparingLong(a -> a.id))
        .toList();
  }

  private void move(TransferRequest request, CompletableFuture<Outcome<Transfer>> result) {
    UUID id = request.idempotencyId();
    Transfer stored = storedTransfers.get(id);
    if (stored != null) {
      replayOrConflict(stored.sameAs(request), stored, id, result);
      return;
    }
    Accepted<TransferDraft> earlier = batchTransfers.get(id);
    if (earlier != null) {
      replayOrConflict(earlier, request, id, result);
      return;
    }
    WorkingAccount debit = accounts.get(request.debitAccountId());
    WorkingAccount credit = accounts.get(request.creditAccountId());
    String refusal =
        accountRefusal(
            request.debitAccountId(), request.creditAccountId(), request.currency(), debit, credit);
    if (refusal != null || debit == null || credit == null) {
      refuse(result, refusalReason(debit, credit), String.valueOf(refusal));
      return;
    }
    if (!debit.canSpend(request.amount())) {
      refuse(result, Rejection.INSUFFICIENT_FUNDS, insufficient(debit, request.amount()));
      return;
    }
    TransferDraft draft =
        new TransferDraft(
            id,
            request.debitAccountId(),
            request.creditAccountId(),
            request.amount(),
            request.currency(),
            request.kind(),
            null,
            request.metadata(),
            now);
    debit.move(-request.amount(), 0, draft);
    credit.move(request.amount(), 0, draft);
    newTransfers.add(draft);
    batchTransfers.put(id, new Accepted<>(request, draft));
    completions.add(() -> result.complete(new Outcome.Done<>(draft.toTransfer(), false)));
  }

  private void reserve(HoldRequest request, CompletableFuture<Outcome<Hold>> result) {
    UUID id = request.idempotencyId();
    Hold stored = storedHolds.get(id);
    if (stored != null) {
      replayOrConflict(stored.sameAs(request), stored, id, result);
      return;
    }
    Accepted<HoldDraft> earlier = batchHolds.get(id);
    if (earlier != null) {
      if (earlier.request().equals(request)) {
        completions.add(() -> result.complete(new Outcome.Done<>(earlier.draft().toHold(), true)));
      } else {
        refuse(result, Rejection.IDEMPOTENCY_CONFLICT, conflict(id));
      }
      return;
    }
    WorkingAccount debit = accounts.get(request.debitAccountId());
    WorkingAccount credit = accounts.get(request.creditAccountId());
    String refusal =
        accountRefusal(
            request.debitAccountId(), request.creditAccountId(), request.currency(), debit, credit);
    if (refusal != null || debit == null || credit == null) {
      refuse(result, refusalReason(debit, credit), String.valueOf(refusal));
      return;
    }
    if (!debit.canSpend(request.amount())) {
      refuse(result, Rejection.INSUFFICIENT_FUNDS, insufficient(debit, request.amount()));
      return;
    }
    HoldDraft draft = new HoldDraft(request, now);
    debit.move(0, request.amount(), null);
    newHolds.add(draft);
    batchHolds.put(id, new Accepted<>(request, draft));
    completions.add(() -> result.complete(new Outcome.Done<>(draft.toHold(), false)));
  }

  private void post(PostRequest request, CompletableFuture<Outcome<Transfer>> result) {
    UUID id = request.idempotencyId();
    Transfer stored = storedTransfers.get(id);
    if (stored != null) {
      replayOrConflict(stored.sameAs(request), stored, id, result);
      return;
    }
    Accepted<TransferDraft> earlier = batchTransfers.get(id);
    if (earlier != null) {
      replayOrConflict(earlier, request, id, result);
      return;
    }
    Hold hold = holds.get(request.holdId());
    if (hold == null) {
      refuse(result, Rejection.HOLD_NOT_FOUND, "no hold " + request.holdId() + " in ledger");
      return;
    }
    if (hold.state() != HoldState.PENDING) {
      refuse(result, Rejection.HOLD_NOT_PENDING, notPending(hold));
      return;
    }
    if (hold.kind() == TransferKind.BET_FLOAT) {
      refuse(
          result,
          Rejection.FLOAT_NOT_POSTABLE,
          "hold "
              + hold.id()
              + " is a bet float: its stakes are drawn from it, it is never posted");
      return;
    }
    if (!now.isBefore(hold.expiresAt())) {
      refuse(
          result,
          Rejection.HOLD_EXPIRED,
          "hold " + hold.id() + " expired at " + hold.expiresAt() + " and can no longer be posted");
      return;
    }
    long amount = request.amount().orElse(hold.amount());
    if (amount > hold.amount()) {
      refuse(
          result,
          Rejection.AMOUNT_EXCEEDS_HOLD,
          "cannot post "
              + amount
              + " from hold "
              + hold.id()
              + " of "
              + hold.amount()
              + " "
              + hold.currency());
      return;
    }
    WorkingAccount debit = accounts.get(hold.debitAccountId());
    WorkingAccount credit = accounts.get(hold.creditAccountId());
    if (debit == null || credit == null) {
      throw new IllegalStateException("hold " + hold.id() + " names an account that is missing");
    }
    TransferDraft draft =
        new TransferDraft(
            id,
            hold.debitAccountId(),
            hold.creditAccountId(),
            amount,
            hold.currency(),
            hold.kind(),
            hold.id(),
            hold.metadata(),
            now);
    debit.move(-amount, -hold.amount(), draft);
    credit.move(amount, 0, draft);
    Hold posted = hold.resolved(HoldState.POSTED, amount, now);
    holds.put(hold.id(), posted);
    resolvedHolds.add(posted);
    newTransfers.add(draft);
    batchTransfers.put(id, new Accepted<>(request, draft));
    completions.add(() -> result.complete(new Outcome.Done<>(draft.toTransfer(), false)));
  }

  private void release(long holdId, HoldState target, CompletableFuture<Outcome<Hold>> result) {
    Hold hold = holds.get(holdId);
    if (hold == null) {
      refuse(result, Rejection.HOLD_NOT_FOUND, "no hold " + holdId + " in ledger");
      return;
    }
    if (hold.state() == target) {
      completions.add(() -> result.complete(new Outcome.Done<>(hold, true)));
      return;
    }
    if (hold.state() != HoldState.PENDING) {
      refuse(result, Rejection.HOLD_NOT_PENDING, notPending(hold));
      return;
    }
    if (target == HoldState.EXPIRED && now.isBefore(hold.expiresAt())) {
      refuse(
          result,
          Rejection.HOLD_NOT_PENDING,
          "hold " + holdId + " is pending until " + hold.expiresAt() + " and cannot expire yet");
      return;
    }
    WorkingAccount debit = accounts.get(hold.debitAccountId());
    if (debit == null) {
      throw new IllegalStateException("hold " + holdId + " names an account that is missing");
    }
    debit.move(0, -hold.amount(), null);
    Hold released = hold.resolved(target, 0, now);
    holds.put(holdId, released);
    resolvedHolds.add(released);
    completions.add(() -> result.complete(new Outcome.Done<>(released, false)));
  }

  private static @Nullable String accountRefusal(
      long debitId,
      long creditId,
      String currency,
      @Nullable WorkingAccount debit,
      @Nullable WorkingAccount credit) {
    if (debit == null) {
      return "no account " + debitId + " in ledger";
    }
    if (credit == null) {
      return "no account " + creditId + " in ledger";
    }
    for (WorkingAccount account : new WorkingAccount[] {debit, credit}) {
      if (!account.currency.equals(currency)) {
        return "account "
            + account.id
            + " holds "
            + account.currency
            + " and cannot take part in a "
            + currency
            + " transfer";
      }
    }
    return null;
  }

  private static Rejection refusalReason(
      @Nullable WorkingAccount debit, @Nullable WorkingAccount credit) {
    return debit == null || credit == null
        ? Rejection.ACCOUNT_NOT_FOUND
        : Rejection.CURRENCY_MISMATCH;
  }

  private static String insufficient(WorkingAccount debit, long amount) {
    return "account "
        + debit.id
        + " has "
        + debit.available()
        + " "
        + debit.currency
        + " minor units available and cannot pay "
        + amount;
  }

  private static String notPending(Hold hold) {
    return "hold " + hold.id() + " is already " + hold.state().wireName();
  }

  private static String conflict(UUID id) {
    return "idempotency id "
        + id
        + " was already used for a different request; nothing was changed";
  }

  private <T> void replayOrConflict(
      boolean same, T stored, UUID id, CompletableFuture<Outcome<T>> result) {
    if (same) {
      completions.add(() -> result.complete(new Outcome.Done<>(stored, true)));
    } else {
      refuse(result, Rejection.IDEMPOTENCY_CONFLICT, conflict(id));
    }
  }

  private void replayOrConflict(
      Accepted<TransferDraft> earlier,
      Object request,
      UUID id,
      CompletableFuture<Outcome<Transfer>> result) {
    if (earlier.request().equals(request)) {
      completions.add(
          () -> result.complete(new Outcome.Done<>(earlier.draft().toTransfer(), true)));
    } else {
      refuse(result, Rejection.IDEMPOTENCY_CONFLICT, conflict(id));
    }
  }

  private <T> void refuse(CompletableFuture<Outcome<T>> result, Rejection reason, String message) {
    refusals++;
    completions.add(() -> result.complete(new Outcome.Refused<>(reason, message)));
  }

  /** A request this batch accepted, kept to answer a repeat of its idempotency id. */
  private record Accepted<D>(Object request, D draft) {}

  /** A transfer to insert; its id is known once the insert returns. */
  static final class TransferDraft {
    final UUID idempotencyId;
    final long debitAccountId;
    final long creditAccountId;
    final long amount;
    final String currency;
    final TransferKind kind;
    final @Nullable Long holdId;
    final @Nullable String metadata;
    final Instant createdAt;
    long id;

    TransferDraft(
        UUID idempotencyId,
        long debitAccountId,
        long creditAccountId,
        long amount,
        String currency,
        TransferKind kind,
        @Nullable Long holdId,
        @Nullable String metadata,
        Instant createdAt) {
      this.idempotencyId = idempotencyId;
      this.debitAccountId = debitAccountId;
      this.creditAccountId = creditAccountId;
      this.amount = amount;
      this.currency = currency;
      this.kind = kind;
      this.holdId = holdId;
      this.metadata = metadata;
      this.createdAt = createdAt;
    }

    Transfer toTransfer() {
      return new Transfer(
          id,
          idempotencyId,
          debitAccountId,
          creditAccountId,
          amount,
          currency,
          kind,
          holdId,
          metadata,
          createdAt);
    }
  }

  /** A hold to insert; its id is known once the insert returns. */
  static final class HoldDraft {
    final HoldRequest request;
    final Instant createdAt;
    final Instant expiresAt;
    long id;

    HoldDraft(HoldRequest request, Instant createdAt) {
      this.request = request;
      this.createdAt = createdAt;
      this.expiresAt = Hold.expiry(createdAt, request.timeout());
    }

    Hold toHold() {
      return new Hold(
          id,
          request.idempotencyId(),
          request.debitAccountId(),
          request.creditAccountId(),
          request.amount(),
          request.currency(),
          request.kind(),
          HoldState.PENDING,
          0,
          expiresAt,
          createdAt,
          null,
          request.metadata());
    }
  }
}
