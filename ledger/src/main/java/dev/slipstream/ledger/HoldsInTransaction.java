package dev.slipstream.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Holds decided and written inside a caller's own transaction, so they commit (or vanish) together
 * with whatever else the caller writes there: the bet sequencer puts a batch's stake holds and its
 * journal rows in one commit, so a crash can never keep one without the other.
 *
 * <p>The holds are decided exactly as the ledger's own writer decides them ({@code BatchStore} and
 * {@code BatchPlan}: optimistic account versions, idempotency ids, the same refusals), so the two
 * writers may touch the same accounts: a batch that finds an account changed since it was read
 * fails with SQL state {@code 40001}, and the caller rolls back and runs its whole transaction
 * again. Each result completes only when the caller reports the commit.
 */
public final class HoldsInTransaction {
  private final List<Runnable> completions;

  private HoldsInTransaction(List<Runnable> completions) {
    this.completions = completions;
  }

  /**
   * Decides and writes {@code requests} on {@code c} (auto-commit off) without committing. These
   * must be the transaction's first writes: when a request repeats a stored idempotency id the
   * transaction is rolled back and the holds are decided again with every id looked up.
   *
   * @param results one future per request, completed by {@link #committed()}
   * @throws SQLException with SQL state {@code 40001} when another writer got in the way: roll back
   *     and try the whole transaction again
   */
  public static HoldsInTransaction write(
      Connection c,
      List<HoldRequest> requests,
      List<CompletableFuture<Outcome<Hold>>> results,
      Instant now)
      throws SQLException {
    if (requests.size() != results.size()) {
      throw new IllegalArgumentException(
          requests.size() + " hold requests but " + results.size() + " results");
    }
    if (requests.isEmpty()) {
      return new HoldsInTransaction(List.of());
    }
    List<Command> batch = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      batch.add(new Command.Reserve(requests.get(i), results.get(i)));
    }
    BatchPlan plan = BatchStore.apply(c, batch, now, false);
    if (plan == null) {
      c.rollback();
      plan = BatchStore.apply(c, batch, now, true);
    }
    if (plan == null) {
      throw new SQLException(
          "an idempotency id of these holds was committed by another writer meanwhile", "40001");
    }
    return new HoldsInTransaction(plan.completions);
  }

  /** Completes every result; call once the transaction has committed. */
  public void committed() {
    completions.forEach(Runnable::run);
  }
}
