package dev.slipstream.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Runs one batch in one transaction: read what the batch touches, let a {@link BatchPlan} decide
 * each request, then write every accepted change with one statement per table ({@code unnest} of
 * arrays, so a batch of a thousand costs a handful of round trips). The caller commits.
 *
 * <p>Accounts are read without locks and written back only where their version is still the one
 * read (optimistic concurrency: normally one writer per process owns the traffic, and row locks
 * would cost a WAL record per account per batch). If another writer changed one meanwhile, the
 * update finds fewer rows than it wrote, and the batch fails with a serialization error that the
 * writer retries; money is never updated from a stale balance. Rows are locked in id order (holds a
 * batch posts or releases by {@code FOR UPDATE} when read, accounts by the final update), so two
 * writers wait for each other rather than deadlock; should PostgreSQL still report a deadlock, the
 * writer retries that too.
 *
 * <p>Idempotency ids are checked optimistically as well: repeats are rare, so a batch first runs
 * without looking its ids up. The unique index still sees every insert ({@code ON CONFLICT DO
 * NOTHING} reports a repeat as a row not returned), and a refused request's id is looked up before
 * anything is written, since a repeat of a committed request must replay rather than be refused.
 * Either finding sends the batch round again with every id looked up first.
 */
final class BatchStore {
  private static final String STORED_TRANSFERS =
      "SELECT " + Rows.TRANSFER_COLUMNS + " FROM ledger.transfers WHERE idempotency_id = ANY(?)";
  static final String STORED_HOLDS =
      "SELECT " + Rows.HOLD_COLUMNS + " FROM ledger.holds WHERE idempotency_id = ANY(?)";
  private static final String ANY_STORED_TRANSFER =
      "SELECT 1 FROM ledger.transfers WHERE idempotency_id = ANY(?) LIMIT 1";
  private static final String ANY_STORED_HOLD =
      "SELECT 1 FROM ledger.holds WHERE idempotency_id = ANY(?) LIMIT 1";
  static final String LOCK_HOLDS =
      "SELECT " + Rows.HOLD_COLUMNS + " FROM ledger.holds WHERE id = ANY(?) ORDER BY id FOR UPDATE";
  static final String READ_ACCOUNTS =
      "SELECT id, currency, allow_negative, balance, held, version, last_transfer_id"
          + " FROM ledger.accounts WHERE id = ANY(?)";
  private static final String INSERT_TRANSFERS =
      "INSERT INTO ledger.transfers (idempotency_id, debit_account_id, credit_account_id, amount,"
          + " currency, kind, hold_id, metadata, created_at)"
          + " SELECT u.idem, u.debit, u.credit, u.amount, u.currency, u.kind, NULLIF(u.hold, 0),"
          + " u.meta, ? FROM unnest(?::uuid[], ?::int8[], ?::int8[], ?::int8[], ?::text[],"
          + " ?::text[], ?::int8[], ?::text[]) AS u(idem, debit, credit, amount, currency, kind,"
          + " hold, meta) ON CONFLICT (idempotency_id) DO NOTHING RETURNING idempotency_id, id";

  /** New holds, without a clause for a repeated idempotency id; {@link #bindHolds} fills it. */
  static final String ADD_HOLDS =
      "INSERT INTO ledger.holds (idempotency_id, debit_account_id, credit_account_id, amount,"
          + " currency, kind, state, expires_at, created_at, metadata)"
          + " SELECT u.idem, u.debit, u.credit, u.amount, u.currency, u.kind, 'pending',"
          + " u.expires, ?, u.meta FROM unnest(?::uuid[], ?::int8[], ?::int8[], ?::int8[],"
          + " ?::text[], ?::text[], ?::timestamptz[], ?::text[]) AS u(idem, debit, credit,"
          + " amount, currency, kind, expires, meta)";

  private static final String INSERT_HOLDS =
      ADD_HOLDS + " ON CONFLICT (idempotency_id) DO NOTHING RETURNING idempotency_id, id";
  static final String RESOLVE_HOLDS =
      "UPDATE ledger.holds h SET state = u.state, posted_amount = u.posted, resolved_at = ?"
          + " FROM unnest(?::int8[], ?::text[], ?::int8[]) AS u(id, state, posted)"
          + " WHERE h.id = ANY(?::int8[]) AND h.id = u.id";
  static final String UPDATE_ACCOUNTS =
      "UPDATE ledger.accounts a SET balance = u.balance, held = u.held, version = u.version,"
          + " last_transfer_id = NULLIF(u.last, 0)"
          + " FROM unnest(?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[])"
          + " AS u(id, balance, held, version, last, read_version)"
          // the id list again lets the planner fetch just these rows by index, where the join
          // alone would scan every account
          + " WHERE a.id = ANY(?::int8[]) AND a.id = u.id AND a.version = u.read_version";

  private BatchStore() {}

  /**
   * Decides and writes {@code batch} on {@code c} (not yet committed) and returns the plan; or
   * returns null, having written nothing that should stay, when {@code lookUpStored} was false and
   * the batch repeats a stored idempotency id: roll back and call again with it true.
   */
  static @Nullable BatchPlan apply(
      Connection c, List<Command> batch, Instant now, boolean lookUpStored) throws SQLException {
    Set<UUID> transferIds = new LinkedHashSet<>();
    Set<UUID> holdIds = new LinkedHashSet<>();
    Set<Long> holdRows = new LinkedHashSet<>();
    Set<Long> accountRows = new LinkedHashSet<>();
    for (Command command : batch) {
      switch (command) {
        case Command.Move move -> {
          transferIds.add(move.request().idempotencyId());
          accountRows.add(move.request().debitAccountId());
          accountRows.add(move.request().creditAccountId());
        }
        case Command.Reserve reserve -> {
          holdIds.add(reserve.request().idempotencyId());
          accountRows.add(reserve.request().debitAccountId());
          accountRows.add(reserve.request().creditAccountId());
        }
        case Command.Post post -> {
          transferIds.add(post.request().idempotencyId());
          holdRows.add(post.request().holdId());
        }
        case Command.Release release -> holdRows.add(release.holdId());
      }
    }
    Map<UUID, Transfer> storedTransfers = new HashMap<>();
    if (lookUpStored && !transferIds.isEmpty()) {
      query(
          c,
          STORED_TRANSFERS,
          "uuid",
          transferIds.toArray(UUID[]::new),
          rs -> {
            Transfer t = Rows.transfer(rs);
            storedTransfers.put(t.idempotencyId(), t);
          });
    }
    Map<UUID, Hold> storedHolds = new HashMap<>();
    if (lookUpStored && !holdIds.isEmpty()) {
      query(
          c,
          STORED_HOLDS,
          "uuid",
          holdIds.toArray(UUID[]::new),
          rs -> {
            Hold h = Rows.hold(rs);
            storedHolds.put(h.idempotencyId(), h);
          });
    }
    Map<Long, Hold> holds = new HashMap<>();
    if (!holdRows.isEmpty()) {
      query(
          c,
          LOCK_HOLDS,
          "int8",
          longs(holdRows),
          rs -> {
            Hold h = Rows.hold(rs);
            holds.put(h.id(), h);
            accountRows.add(h.debitAccountId());
            accountRows.add(h.creditAccountId());
          });
    }
    Map<Long, WorkingAccount> accounts = new HashMap<>();
    if (!accountRows.isEmpty()) {
      query(
          c,
          READ_ACCOUNTS,
          "int8",
          longs(accountRows),
          rs -> {
            WorkingAccount a = readAccount(rs);
            accounts.put(a.id, a);
          });
    }
    BatchPlan plan = new BatchPlan(now, accounts, storedTransfers, storedHolds, holds);
    for (Command command : batch) {
      plan.decide(command);
    }
    if (!lookUpStored
        && (anyStored(c, ANY_STORED_TRANSFER, plan.refusedTransferIds)
            || anyStored(c, ANY_STORED_HOLD, plan.refusedHoldIds))) {
      return null;
    }
    if (!insertHolds(c, plan.newHolds, now)) {
      return null;
    }
    resolveHolds(c, plan.resolvedHolds, now);
    if (!insertTransfers(c, plan.newTransfers, now)) {
      return null;
    }
    updateAccounts(c, plan.changedAccounts());
    return plan;
  }

  private static boolean anyStored(Connection c, String sql, List<UUID> ids) throws SQLException {
    if (ids.isEmpty()) {
      return false;
    }
    boolean[] found = {false};
    query(c, sql, "uuid", ids.toArray(UUID[]::new), rs -> found[0] = true);
    return found[0];
  }

  /** Inserts the transfers; returns false when one of their idempotency ids was already used. */
  private static boolean insertTransfers(
      Connection c, List<BatchPlan.TransferDraft> drafts, Instant now) throws SQLException {
    if (drafts.isEmpty()) {
      return true;
    }
    int n = drafts.size();
    UUID[] idem = new UUID[n];
    long[] debit = new long[n];
    long[] credit = new long[n];
    long[] amount = new long[n];
    String[] currency = new String[n];
    String[] kind = new String[n];
    long[] hold = new long[n];
    String[] meta = new String[n];
    Map<UUID, BatchPlan.TransferDraft> byId = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      BatchPlan.TransferDraft d = drafts.get(i);
      idem[i] = d.idempotencyId;
      debit[i] = d.debitAccountId;
      credit[i] = d.creditAccountId;
      amount[i] = d.amount;
      currency[i] = d.currency;
      kind[i] = d.kind.wireName();
      hold[i] = d.holdId == null ? 0 : d.holdId;
      meta[i] = d.metadata;
      byId.put(d.idempotencyId, d);
    }
    try (PreparedStatement s = c.prepareStatement(INSERT_TRANSFERS)) {
      s.setObject(1, Rows.timestamp(now));
      Rows.setArray(s, 2, "uuid", idem);
      Rows.setArray(s, 3, "int8", debit);
      Rows.setArray(s, 4, "int8", credit);
      Rows.setArray(s, 5, "int8", amount);
      Rows.setArray(s, 6, "text", currency);
      Rows.setArray(s, 7, "text", kind);
      Rows.setArray(s, 8, "int8", hold);
      Rows.setArray(s, 9, "text", meta);
      int inserted = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byId.get(rs.getObject(1, UUID.class)).id = rs.getLong(2);
          inserted++;
        }
      }
      return inserted == n;
    }
  }

  /** Inserts the holds; returns false when one of their idempotency ids was already used. */
  private static boolean insertHolds(Connection c, List<BatchPlan.HoldDraft> drafts, Instant now)
      throws SQLException {
    if (drafts.isEmpty()) {
      return true;
    }
    try (PreparedStatement s = c.prepareStatement(INSERT_HOLDS)) {
      Map<UUID, BatchPlan.HoldDraft> byId = bindHolds(s, 1, drafts, now);
      try (ResultSet rs = s.executeQuery()) {
        return readHoldIds(rs, byId) == drafts.size();
      }
    }
  }

  /**
   * Binds {@link #ADD_HOLDS}'s 9 parameters from {@code first} on; returns the drafts by
   * idempotency id, for {@link #readHoldIds}.
   */
  static Map<UUID, BatchPlan.HoldDraft> bindHolds(
      PreparedStatement s, int first, List<BatchPlan.HoldDraft> drafts, Instant now)
      throws SQLException {
    int n = drafts.size();
    UUID[] idem = new UUID[n];
    long[] debit = new long[n];
    long[] credit = new long[n];
    long[] amount = new long[n];
    String[] currency = new String[n];
    String[] kind = new String[n];
    String[] expires = new String[n];
    String[] meta = new String[n];
    Map<UUID, BatchPlan.HoldDraft> byId = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      BatchPlan.HoldDraft d = drafts.get(i);
      HoldRequest r = d.request;
      idem[i] = r.idempotencyId();
      debit[i] = r.debitAccountId();
      credit[i] = r.creditAccountId();
      amount[i] = r.amount();
      currency[i] = r.currency();
      kind[i] = r.kind().wireName();
      expires[i] = d.expiresAt.toString();
      meta[i] = r.metadata();
      byId.put(r.idempotencyId(), d);
    }
    s.setObject(first, Rows.timestamp(now));
    Rows.setArray(s, first + 1, "uuid", idem);
    Rows.setArray(s, first + 2, "int8", debit);
    Rows.setArray(s, first + 3, "int8", credit);
    Rows.setArray(s, first + 4, "int8", amount);
    Rows.setArray(s, first + 5, "text", currency);
    Rows.setArray(s, first + 6, "text", kind);
    Rows.setArray(s, first + 7, "text", expires);
    Rows.setArray(s, first + 8, "text", meta);
    return byId;
  }

  /**
   * Gives each draft the id its row got ({@code RETURNING idempotency_id, id}); returns how many.
   */
  static int readHoldIds(ResultSet rs, Map<UUID, BatchPlan.HoldDraft> byId) throws SQLException {
    int inserted = 0;
    while (rs.next()) {
      byId.get(rs.getObject(1, UUID.class)).id = rs.getLong(2);
      inserted++;
    }
    return inserted;
  }

  private static void resolveHolds(Connection c, List<Hold> resolved, Instant now)
      throws SQLException {
    if (resolved.isEmpty()) {
      return;
    }
    int n = resolved.size();
    long[] id = new long[n];
    String[] state = new String[n];
    long[] posted = new long[n];
    for (int i = 0; i < n; i++) {
      Hold h = resolved.get(i);
      id[i] = h.id();
      state[i] = h.state().wireName();
      posted[i] = h.postedAmount();
    }
    try (PreparedStatement s = c.prepareStatement(RESOLVE_HOLDS)) {
      s.setObject(1, Rows.timestamp(now));
      Rows.setArray(s, 2, "int8", id);
      Rows.setArray(s, 3, "text", state);
      Rows.setArray(s, 4, "int8", posted);
      Rows.setArray(s, 5, "int8", id);
      s.executeUpdate();
    }
  }

  private static void updateAccounts(Connection c, List<WorkingAccount> changed)
      throws SQLException {
    if (changed.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(UPDATE_ACCOUNTS)) {
      bindAccounts(s, 1, changed);
      if (s.executeUpdate() != changed.size()) {
        throw new SQLException(
            "an account of this batch changed after it was read; the batch will run again",
            "40001");
      }
    }
  }

  /** Binds {@link #UPDATE_ACCOUNTS}'s 7 parameters from {@code first} on. */
  static void bindAccounts(PreparedStatement s, int first, List<WorkingAccount> changed)
      throws SQLException {
    int n = changed.size();
    long[] id = new long[n];
    long[] balance = new long[n];
    long[] held = new long[n];
    long[] version = new long[n];
    long[] last = new long[n];
    long[] readVersion = new long[n];
    for (int i = 0; i < n; i++) {
      WorkingAccount a = changed.get(i);
      readVersion[i] = a.readVersion;
      id[i] = a.id;
      balance[i] = a.balance;
      held[i] = a.held;
      version[i] = a.version;
      Long lastTransfer = a.lastTransferIdAfterWrite();
      last[i] = lastTransfer == null ? 0 : lastTransfer;
    }
    Rows.setArray(s, first, "int8", id);
    Rows.setArray(s, first + 1, "int8", balance);
    Rows.setArray(s, first + 2, "int8", held);
    Rows.setArray(s, first + 3, "int8", version);
    Rows.setArray(s, first + 4, "int8", last);
    Rows.setArray(s, first + 5, "int8", readVersion);
    Rows.setArray(s, first + 6, "int8", id);
  }

  /** One row of {@link #READ_ACCOUNTS}. */
  static WorkingAccount readAccount(ResultSet rs) throws SQLException {
    long last = rs.getLong(7);
    Long lastTransfer = rs.wasNull() ? null : last;
    return new WorkingAccount(
        rs.getLong(1),
        rs.getString(2),
        rs.getBoolean(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getLong(6),
        lastTransfer);
  }

  static long[] longs(Set<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  private static void query(Connection c, String sql, String type, Object array, RowReader reader)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      Rows.setArray(s, 1, type, array);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }
}
