package dev.slipstream.ledger;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.db.SchemaMigration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The double-entry ledger: accounts, idempotent transfers between them, two-phase holds, and wallet
 * queries.
 *
 * <p>Every write is acknowledged only after the transaction that holds it has committed, so an
 * acknowledged transfer survives a crash. Writes from many callers are committed together in
 * batches; each request still gets its own outcome. The {@code submit...} methods return that
 * outcome as a value ({@link Outcome.Refused} for business refusals); the blocking methods turn a
 * refusal into the platform's exception.
 */
public interface Ledger extends AutoCloseable {

  /** The ledger's schema and migrations; the composition root applies them at start. */
  SchemaMigration MIGRATION = new SchemaMigration("ledger", "classpath:db/ledger");

  /** The most transfers one history page may hold. */
  int MAX_PAGE_SIZE = 200;

  /**
   * Opens the account of {@code kind} for {@code ownerRef} in {@code currency}, or returns it if it
   * is already open. House and payment clearing accounts may go negative; no other kind may.
   *
   * @throws InvalidInputException {@code invalid_owner} or {@code invalid_currency}
   */
  Account openAccount(AccountKind kind, String ownerRef, String currency);

  /** Returns the account with this id as it stands now, if there is one. */
  Optional<Account> findAccount(long accountId);

  /**
   * Returns the accounts with these ids as they stand now, read together in one statement; ids with
   * no account are left out.
   */
  List<Account> findAccounts(java.util.Collection<Long> accountIds);

  /**
   * Returns the account with this id as it stands now: balance, held and available.
   *
   * @throws NotFoundException {@code account_not_found}
   */
  default Account account(long accountId) {
    return findAccount(accountId)
        .orElseThrow(
            () ->
                Rejection.ACCOUNT_NOT_FOUND.toException("no account " + accountId + " in ledger"));
  }

  /** Queues a transfer; the future completes once its batch has committed. */
  CompletableFuture<Outcome<Transfer>> submit(TransferRequest request);

  /**
   * Moves money and returns the committed transfer (the original one when the same request was made
   * before under this idempotency id).
   *
   * @throws NotFoundException {@code account_not_found}
   * @throws InvalidInputException {@code currency_mismatch}
   * @throws ConflictException {@code insufficient_funds} or {@code idempotency_conflict}
   * @throws LedgerUnavailableException when the database failed; retry with the same id
   */
  default Transfer transfer(TransferRequest request) {
    return Futures.await(submit(request)).orThrow();
  }

  /** Queues a hold; the future completes once its batch has committed. */
  CompletableFuture<Outcome<Hold>> submitHold(HoldRequest request);

  /**
   * Reserves money on the debit account (available falls, balance stays) and returns the pending
   * hold.
   *
   * @throws NotFoundException {@code account_not_found}
   * @throws InvalidInputException {@code currency_mismatch}
   * @throws ConflictException {@code insufficient_funds} or {@code idempotency_conflict}
   */
  default Hold hold(HoldRequest request) {
    return Futures.await(submitHold(request)).orThrow();
  }

  /** Queues the post of a hold; the future completes once its batch has committed. */
  CompletableFuture<Outcome<Transfer>> submitPost(PostRequest request);

  /**
   * Completes a pending hold: moves the requested part to its credit account, releases the rest and
   * returns the transfer.
   *
   * @throws NotFoundException {@code hold_not_found}
   * @throws InvalidInputException {@code amount_exceeds_hold}
   * @throws ConflictException {@code hold_not_pending}, {@code hold_expired} or {@code
   *     idempotency_conflict}
   */
  default Transfer post(PostRequest request) {
    return Futures.await(submitPost(request)).orThrow();
  }

  /** Queues the void of a hold; the future completes once its batch has committed. */
  CompletableFuture<Outcome<Hold>> submitVoid(long holdId);

  /**
   * Releases a pending hold without moving money; voiding a voided hold again returns it.
   *
   * @throws NotFoundException {@code hold_not_found}
   * @throws ConflictException {@code hold_not_pending} when it was posted or expired
   */
  default Hold voidHold(long holdId) {
    return Futures.await(submitVoid(holdId)).orThrow();
  }

  /** Expires every pending hold whose timeout has passed and returns how many it expired. */
  int expireDueHolds();

  /** Returns the hold with this id, if there is one. */
  Optional<Hold> findHold(long holdId);

  /**
   * Returns up to {@code limit} of the account's transfers, newest first, starting after {@code
   * cursor}.
   *
   * @param cursor empty for the first page, else a {@link HistoryPage#nextCursor()} from before
   * @param limit 1 to {@link #MAX_PAGE_SIZE}
   * @throws NotFoundException {@code account_not_found}
   * @throws InvalidInputException {@code invalid_cursor} or {@code invalid_limit}
   */
  HistoryPage history(long accountId, Optional<String> cursor, int limit);

  /**
   * Returns the account's pending holds, oldest first.
   *
   * @throws NotFoundException {@code account_not_found}
   */
  List<Hold> openHolds(long accountId);

  /**
   * Returns the pending bet floats ({@link TransferKind#BET_FLOAT}) whose metadata is {@code
   * owner}, oldest first: what a bet shard reserved and has not given back, for it to give back at
   * start.
   */
  List<Hold> openFloats(String owner);

  /** Returns what the writer has done so far. */
  WriterStats writerStats();

  /**
   * Stops taking requests, commits what is queued, and stops the writer and sweeper. The data
   * source stays open: it belongs to the caller.
   */
  @Override
  void close();

  /**
   * Returns the ledger kept in the {@code ledger} schema of {@code dataSource}, which must be
   * migrated with {@link #MIGRATION}, and starts its writer (and sweeper, if set). Writer figures
   * go to {@code metrics} when given.
   */
  static Ledger postgres(
      DataSource dataSource,
      InstantSource clock,
      LedgerSettings settings,
      @Nullable MeterRegistry metrics) {
    return new PostgresLedger(dataSource, clock, settings, metrics);
  }
}
