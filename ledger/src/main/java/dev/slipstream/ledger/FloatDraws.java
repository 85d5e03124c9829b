package dev.slipstream.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Stakes drawn from bet floats, committed in one transaction with rows of the caller's own.
 *
 * <p>A bet shard reserves a float on a wallet (a pending hold of kind {@link
 * TransferKind#BET_FLOAT}, placed like any other hold, so it lowers what the wallet has available
 * and no other writer can spend it), accepts bets against it from its own journal, and later draws
 * their stakes from it in batches: each float's amount falls by what its stakes take, and each
 * stake becomes a pending hold of its own, so the wallet's held total and balance do not move and
 * every pending hold still reserves exactly its amount. The stakes' holds are then posted or voided
 * like any bet's.
 *
 * <p>One round trip, committed at its end (the connection is in auto-commit, so the statements of
 * one Sync are one implicit transaction): the draws, the stakes' holds and the caller's statement.
 * The database checks every float itself ({@code ledger.expect_float_draws}, migration V7): still
 * pending and not expired, on the stakes' wallet, house and currency, with enough left. A float
 * that fails that is a shard spending money it never reserved; the whole transaction rolls back
 * with SQL state {@code 23000} and nothing is written.
 */
public final class FloatDraws {
  /** One bet's stake drawn from float {@code floatHoldId}: the hold the stake becomes. */
  public record Draw(long floatHoldId, HoldRequest stake) {
    public Draw {
      Objects.requireNonNull(stake, "stake");
      if (stake.kind() == TransferKind.BET_FLOAT) {
        throw new IllegalArgumentException("a stake drawn from a float cannot be a float itself");
      }
    }
  }

  private static final String DRAW =
      "WITH drawn AS (UPDATE ledger.holds h SET amount = h.amount - u.total"
          + " FROM unnest(?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::text[])"
          + " AS u(id, total, debit, credit, currency)"
          + " WHERE h.id = ANY(?::int8[]) AND h.id = u.id AND h.state = 'pending'"
          + " AND h.kind = 'bet_float' AND h.expires_at > ? AND h.debit_account_id = u.debit"
          + " AND h.credit_account_id = u.credit AND h.currency = u.currency"
          + " AND h.amount >= u.total RETURNING h.id)"
          + " SELECT ledger.expect_float_draws(count(*), ?) FROM drawn";

  private FloatDraws() {}

  /**
   * Draws {@code draws} from their floats, writes the stakes' holds and {@code rows}, and commits,
   * on {@code c} with auto-commit on.
   *
   * @return the stakes' pending holds, in the order of {@code draws}
   * @throws IllegalArgumentException when two stakes share an idempotency id, or one float's stakes
   *     name different wallets, houses or currencies
   * @throws SQLException state {@code 23000} when a float could not give its stakes, {@code 23505}
   *     when a stake's idempotency id is already stored: either way nothing was written
   */
  public static List<Hold> commit(
      Connection c, List<Draw> draws, Instant now, HoldsInTransaction.CallerRows rows)
      throws SQLException {
    if (!c.getAutoCommit()) {
      throw new IllegalStateException(
          "draws commit with the round trip that writes them: the connection needs auto-commit");
    }
    Map<Long, FloatTotal> floats = totals(draws);
    List<BatchPlan.HoldDraft> stakes = new ArrayList<>(draws.size());
    for (Draw d : draws) {
      stakes.add(new BatchPlan.HoldDraft(d.stake(), now));
    }
    List<String> sql = new ArrayList<>(3);
    if (!draws.isEmpty()) {
      sql.add(DRAW);
      sql.add(BatchStore.ADD_HOLDS + " RETURNING idempotency_id, id");
    }
    sql.add(rows.sql());
    try (PreparedStatement s = c.prepareStatement(String.join(";\n", sql))) {
      int p = 1;
      Map<UUID, BatchPlan.HoldDraft> byId = Map.of();
      if (!draws.isEmpty()) {
        p = bindDraws(s, p, floats, now);
        byId = BatchStore.bindHolds(s, p, stakes, now);
        p += 9;
      }
      rows.binder().bind(s, p);
      s.execute();
      if (!draws.isEmpty()) {
        s.getMoreResults(); // past the draws' check
        try (ResultSet rs = s.getResultSet()) {
          BatchStore.readHoldIds(rs, byId);
        }
      }
    }
    List<Hold> held = new ArrayList<>(stakes.size());
    for (BatchPlan.HoldDraft stake : stakes) {
      held.add(stake.toHold());
    }
    return held;
  }

  /** What each float gives, and the wallet, house and currency all its stakes must share. */
  private record FloatTotal(long debit, long credit, String currency, long total) {
    FloatTotal plus(HoldRequest stake, long floatId) {
      if (stake.debitAccountId() != debit
          || stake.creditAccountId() != credit
          || !stake.currency().equals(currency)) {
        throw new IllegalArgumentException(
            "the stakes drawn from float " + floatId + " name different accounts or currencies");
      }
      return new FloatTotal(debit, credit, currency, Math.addExact(total, stake.amount()));
    }
  }

  private static Map<Long, FloatTotal> totals(List<Draw> draws) {
    Map<Long, FloatTotal> floats = new LinkedHashMap<>();
    java.util.Set<UUID> ids = new java.util.HashSet<>();
    for (Draw d : draws) {
      HoldRequest stake = d.stake();
      if (!ids.add(stake.idempotencyId())) {
        throw new IllegalArgumentException(
            "two stakes drawn together share idempotency id " + stake.idempotencyId());
      }
      FloatTotal sum = floats.get(d.floatHoldId());
      floats.put(
          d.floatHoldId(),
          sum == null
              ? new FloatTotal(
                  stake.debitAccountId(), stake.creditAccountId(), stake.currency(), stake.amount())
              : sum.plus(stake, d.floatHoldId()));
    }
    return floats;
  }

  private static int bindDraws(
      PreparedStatement s, int first, Map<Long, FloatTotal> floats, Instant now)
      throws SQLException {
    int n = floats.size();
    long[] ids = new long[n];
    long[] totals = new long[n];
    long[] debits = new long[n];
    long[] credits = new long[n];
    String[] currencies = new String[n];
    int i = 0;
    for (Map.Entry<Long, FloatTotal> e : floats.entrySet()) {
      FloatTotal f = e.getValue();
      ids[i] = e.getKey();
      totals[i] = f.total();
      debits[i] = f.debit();
      credits[i] = f.credit();
      currencies[i] = f.currency();
      i++;
    }
    Rows.setArray(s, first, "int8", ids);
    Rows.setArray(s, first + 1, "int8", totals);
    Rows.setArray(s, first + 2, "int8", debits);
    Rows.setArray(s, first + 3, "int8", credits);
    Rows.setArray(s, first + 4, "text", currencies);
    Rows.setArray(s, first + 5, "int8", ids);
    s.setObject(first + 6, Rows.timestamp(now));
    s.setLong(first + 7, n);
    return first + 8;
  }
}
