package dev.slipstream.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Holds decided and committed in one transaction with rows of the caller's own, so they are durable
 * (or vanish) together: the bet sequencer puts a batch's stake holds and its journal rows in one
 * commit, so a crash can never keep one without the other.
 *
 * <p>It takes two round trips to the database. The first reads what the holds touch (the wallets,
 * which of them a {@link Screen} leaves out, and, when needed, the holds their idempotency ids
 * already stored). The holds are then decided exactly as the ledger's own writer decides them
 * ({@code BatchPlan}: the same refusals and replays). The second sends every write, the caller's
 * statement with them, and ends with the commit: with auto-commit on, the statements of one
 * extended-protocol Sync run as one implicit transaction, so what would make the writes wrong is
 * raised inside PostgreSQL and rolls all of them back.
 *
 * <ul>
 *   <li>A wallet changed by another writer since it was read (the ledger's writer may hold on the
 *       same accounts: versions are optimistic) makes {@code ledger.expect_rows} fail the statement
 *       with SQL state {@code 40001}; the caller runs its whole batch again.
 *   <li>A hold repeating a stored idempotency id breaks its unique index; the holds are then read
 *       again with every id looked up, so the repeat replays the stored hold.
 * </ul>
 */
public final class HoldsInTransaction {
  /** The wallets' ids, as the one parameter of a {@link Screen}. */
  private static final String WALLETS_PARAMETER = "int8";

  private static final String REPEATED_HOLD = "hold_idempotency_id";

  /**
   * A query that picks the wallets whose stakes must not be held here (say, those with limits to
   * check first): one {@code int8[]} parameter, the batch's wallets; one column, the ids left out.
   * Their results complete with null.
   */
  public record Screen(String sql) {}

  /**
   * The caller's own statement, sent after the holds in the same round trip and committed with
   * them: a write that returns no rows. {@code binder} sets its parameters, the first at the index
   * it is given.
   */
  public record CallerRows(String sql, Binder binder) {}

  /** Sets a statement's parameters from {@code first} on. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement, int first) throws SQLException;
  }

  private final List<Runnable> completions;

  private HoldsInTransaction(List<Runnable> completions) {
    this.completions = completions;
  }

  /**
   * Decides {@code requests}, writes them with {@code rows} and commits, on {@code c} with
   * auto-commit on.
   *
   * @param results one future per request, completed by {@link #committed()}: with the hold's
   *     outcome, or with null for a wallet {@code screen} left out (nothing was held for it)
   * @param screen the wallets to leave out, or null to decide every request here
   * @throws SQLException with SQL state {@code 40001} when another writer got in the way: nothing
   *     was written; run the batch again
   */
  public static HoldsInTransaction commit(
      Connection c,
      List<HoldRequest> requests,
      List<CompletableFuture<@Nullable Outcome<Hold>>> results,
      Instant now,
      @Nullable Screen screen,
      CallerRows rows)
      throws SQLException {
    if (requests.size() != results.size()) {
      throw new IllegalArgumentException(
          requests.size() + " hold requests but " + results.size() + " results");
    }
    if (!c.getAutoCommit()) {
      throw new IllegalStateException(
          "holds commit with the round trip that writes them: the connection needs auto-commit");
    }
    try {
      return attempt(c, requests, results, now, screen, rows, false);
    } catch (SQLException e) {
      if (!repeatsStoredHold(e)) {
        throw e;
      }
    }
    try {
      return attempt(c, requests, results, now, screen, rows, true);
    } catch (SQLException e) {
      if (repeatsStoredHold(e)) {
        throw new SQLException(
            "an idempotency id of these holds was committed by another writer meanwhile",
            "40001",
            e);
      }
      throw e;
    }
  }

  /** Completes every result; call once {@link #commit} has returned. */
  public void committed() {
    completions.forEach(Runnable::run);
  }

  private static HoldsInTransaction attempt(
      Connection c,
      List<HoldRequest> requests,
      List<CompletableFuture<@Nullable Outcome<Hold>>> results,
      Instant now,
      @Nullable Screen screen,
      CallerRows rows,
      boolean lookUpStored)
      throws SQLException {
    Read read = requests.isEmpty() ? Read.NOTHING : read(c, requests, screen, lookUpStored);
    BatchPlan plan = new BatchPlan(now, read.accounts, Map.of(), read.storedHolds, Map.of());
    List<Runnable> leftOut = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      HoldRequest request = requests.get(i);
      CompletableFuture<@Nullable Outcome<Hold>> result = results.get(i);
      if (read.screened.contains(request.debitAccountId())) {
        leftOut.add(() -> result.complete(null));
      } else {
        CompletableFuture<Outcome<Hold>> decided = new CompletableFuture<>();
        decided.thenAccept(result::complete);
        plan.decide(new Command.Reserve(request, decided));
      }
    }
    if (!lookUpStored && !plan.refusedHoldIds.isEmpty()) {
      // A refused request may repeat one already committed, which must replay instead.
      return attempt(c, requests, results, now, screen, rows, true);
    }
    write(c, plan, now, rows);
    List<Runnable> completions = new ArrayList<>(plan.completions);
    completions.addAll(leftOut);
    return new HoldsInTransaction(completions);
  }

  private record Read(
      Set<Long> screened, Map<UUID, Hold> storedHolds, Map<Long, WorkingAccount> accounts) {
    static final Read NOTHING = new Read(Set.of(), Map.of(), Map.of());
  }

  /** The first round trip: the screen, the stored holds when looked up, and the accounts. */
  private static Read read(
      Connection c, List<HoldRequest> requests, @Nullable Screen screen, boolean lookUpStored)
      throws SQLException {
    Set<Long> wallets = new LinkedHashSet<>();
    Set<Long> accountIds = new LinkedHashSet<>();
    for (HoldRequest r : requests) {
      wallets.add(r.debitAccountId());
      accountIds.add(r.debitAccountId());
      accountIds.add(r.creditAccountId());
    }
    List<String> sql = new ArrayList<>(3);
    if (screen != null) {
      sql.add(screen.sql());
    }
    if (lookUpStored) {
      sql.add(BatchStore.STORED_HOLDS);
    }
    sql.add(BatchStore.READ_ACCOUNTS);
    Set<Long> screened = new HashSet<>();
    Map<UUID, Hold> stored = new HashMap<>();
    Map<Long, WorkingAccount> accounts = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(String.join(";\n", sql))) {
      int p = 1;
      if (screen != null) {
        Rows.setArray(s, p++, WALLETS_PARAMETER, BatchStore.longs(wallets));
      }
      if (lookUpStored) {
        Rows.setArray(
            s, p++, "uuid", requests.stream().map(HoldRequest::idempotencyId).toArray(UUID[]::new));
      }
      Rows.setArray(s, p, "int8", BatchStore.longs(accountIds));
      s.execute();
      if (screen != null) {
        try (ResultSet rs = s.getResultSet()) {
          while (rs.next()) {
            screened.add(rs.getLong(1));
          }
        }
        s.getMoreResults();
      }
      if (lookUpStored) {
        try (ResultSet rs = s.getResultSet()) {
          while (rs.next()) {
            Hold h = Rows.hold(rs);
            stored.put(h.idempotencyId(), h);
          }
        }
        s.getMoreResults();
      }
      try (ResultSet rs = s.getResultSet()) {
        while (rs.next()) {
          WorkingAccount a = BatchStore.readAccount(rs);
          accounts.put(a.id, a);
        }
      }
    }
    return new Read(screened, stored, accounts);
  }

  /**
   * The second round trip: the new holds, the wallets written back where their versions are still
   * the ones read, and the caller's rows, committed together at its end.
   */
  private static void write(Connection c, BatchPlan plan, Instant now, CallerRows rows)
      throws SQLException {
    List<WorkingAccount> changed = plan.changedAccounts();
    List<String> sql = new ArrayList<>(3);
    if (!plan.newHolds.isEmpty()) {
      sql.add(BatchStore.ADD_HOLDS + " RETURNING idempotency_id, id");
    }
    if (!changed.isEmpty()) {
      sql.add(
          "WITH changed AS ("
              + BatchStore.UPDATE_ACCOUNTS
              + " RETURNING a.id) SELECT ledger.expect_rows(count(*), ?,"
              + " 'the wallets of a batch of holds, changed after they were read') FROM changed");
    }
    sql.add(rows.sql());
    try (PreparedStatement s = c.prepareStatement(String.join(";\n", sql))) {
      int p = 1;
      Map<UUID, BatchPlan.HoldDraft> byId = Map.of();
      if (!plan.newHolds.isEmpty()) {
        byId = BatchStore.bindHolds(s, p, plan.newHolds, now);
        p += 9;
      }
      if (!changed.isEmpty()) {
        BatchStore.bindAccounts(s, p, changed);
        p += 7;
        s.setLong(p++, changed.size());
      }
      rows.binder().bind(s, p);
      s.execute();
      if (!plan.newHolds.isEmpty()) {
        // No conflict clause: every hold came back, or the statement failed and nothing stayed.
        try (ResultSet rs = s.getResultSet()) {
          BatchStore.readHoldIds(rs, byId);
        }
      }
    }
  }

  /** Whether {@code e} is a hold's unique idempotency id refusing a repeat. */
  private static boolean repeatsStoredHold(SQLException e) {
    if (!"23505".equals(e.getSQLState()) || !(e instanceof PSQLException psql)) {
      return false;
    }
    ServerErrorMessage detail = psql.getServerErrorMessage();
    return detail != null && REPEATED_HOLD.equals(detail.getConstraint());
  }
}
