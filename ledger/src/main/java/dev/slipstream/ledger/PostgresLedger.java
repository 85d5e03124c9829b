package dev.slipstream.ledger;

import dev.slipstream.platform.InvalidInputException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger on PostgreSQL: writes go through the group-committing {@link BatchWriter}; reads go
 * straight to the pool and see committed data only.
 */
final class PostgresLedger implements Ledger {
  private static final Logger log = LoggerFactory.getLogger(PostgresLedger.class);
  private static final int SWEEP_BATCH = 1_000;

  private final DataSource dataSource;
  private final InstantSource clock;
  private final BatchWriter writer;
  private final @Nullable ScheduledExecutorService sweeper;

  PostgresLedger(
      DataSource dataSource,
      InstantSource clock,
      LedgerSettings settings,
      @Nullable MeterRegistry metrics) {
    this.dataSource = dataSource;
    this.clock = clock;
    LongConsumer commitNanos = nanos -> {};
    if (metrics != null) {
      Timer commits =
          Timer.builder("ledger.batch.commit")
              .description("time to decide, write and commit one batch of ledger requests")
              .publishPercentiles(0.5, 0.99)
              .register(metrics);
      commitNanos = nanos -> commits.record(nanos, TimeUnit.NANOSECONDS);
    }
    this.writer = new BatchWriter(dataSource, clock, settings, commitNanos);
    if (metrics != null) {
      FunctionCounter.builder("ledger.requests", writer, w -> w.stats().requests())
          .description("ledger requests answered after commit, refusals included")
          .register(metrics);
      FunctionCounter.builder("ledger.batches", writer, w -> w.stats().batches())
          .description("ledger transactions committed")
          .register(metrics);
    }
    if (settings.sweepInterval().isZero()) {
      this.sweeper = null;
    } else {
      this.sweeper =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().name("ledger-hold-sweeper").daemon().unstarted(r));
      long every = settings.sweepInterval().toMillis();
      sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public Account openAccount(AccountKind kind, String ownerRef, String currency) {
    LedgerInputs.present(kind, "kind");
    LedgerInputs.owner(ownerRef);
    LedgerInputs.currency(currency);
    String insert =
        "INSERT INTO ledger.accounts (kind, owner_ref, currency, allow_negative, created_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, owner_ref, currency) DO NOTHING";
    String select =
        "SELECT "
            + Rows.ACCOUNT_COLUMNS
            + " FROM ledger.accounts WHERE kind = ? AND owner_ref = ? AND currency = ?";
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(insert)) {
        s.setString(1, kind.wireName());
        s.setString(2, ownerRef);
        s.setString(3, currency);
        s.setBoolean(4, kind.mayGoNegative());
        s.setObject(5, Rows.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(select)) {
        s.setString(1, kind.wireName());
        s.setString(2, ownerRef);
        s.setString(3, currency);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return Rows.account(rs);
        }
      }
    } catch (SQLException e) {
      throw unavailable("opening an account", e);
    }
  }

  @Override
  public Optional<Account> findAccount(long accountId) {
    return queryOne(
        "SELECT " + Rows.ACCOUNT_COLUMNS + " FROM ledger.accounts WHERE id = ?",
        accountId,
        Rows::account);
  }

  @Override
  public List<Account> findAccounts(java.util.Collection<Long> accountIds) {
    if (accountIds.isEmpty()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + Rows.ACCOUNT_COLUMNS + " FROM ledger.accounts WHERE id = ANY(?)")) {
      s.setArray(1, c.createArrayOf("bigint", accountIds.toArray()));
      List<Account> accounts = new ArrayList<>(accountIds.size());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          accounts.add(Rows.account(rs));
        }
      }
      return accounts;
    } catch (SQLException e) {
      throw unavailable("reading the ledger", e);
    }
  }

  @Override
  public CompletableFuture<Outcome<Transfer>> submit(TransferRequest request) {
    CompletableFuture<Outcome<Transfer>> result = new CompletableFuture<>();
    writer.submit(new Command.Move(request, result));
    return result;
  }

  @Override
  public CompletableFuture<Outcome<Hold>> submitHold(HoldRequest request) {
    CompletableFuture<Outcome<Hold>> result = new CompletableFuture<>();
    writer.submit(new Command.Reserve(request, result));
    return result;
  }

  @Override
  public CompletableFuture<Outcome<Transfer>> submitPost(PostRequest request) {
    CompletableFuture<Outcome<Transfer>> result = new CompletableFuture<>();
    writer.submit(new Command.Post(request, result));
    return result;
  }

  @Override
  public CompletableFuture<Outcome<Hold>> submitVoid(long holdId) {
    CompletableFuture<Outcome<Hold>> result = new CompletableFuture<>();
    writer.submit(new Command.Release(holdId, HoldState.VOIDED, result));
    return result;
  }

  @Override
  public int expireDueHolds() {
    int expired = 0;
    while (true) {
      List<Long> due = dueHolds(clock.instant());
      List<CompletableFuture<Outcome<Hold>>> results = new ArrayList<>(due.size());
      for (long holdId : due) {
        CompletableFuture<Outcome<Hold>> result = new CompletableFuture<>();
        writer.submit(new Command.Release(holdId, HoldState.EXPIRED, result));
        results.add(result);
      }
      for (CompletableFuture<Outcome<Hold>> result : results) {
        if (Futures.await(result) instanceof Outcome.Done<Hold> done && !done.replayed()) {
          expired++;
        }
      }
      if (due.size() < SWEEP_BATCH) {
        return expired;
      }
    }
  }

  private List<Long> dueHolds(Instant now) {
    String sql =
        "SELECT id FROM ledger.holds WHERE state = 'pending' AND expires_at <= ?"
            + " ORDER BY expires_at LIMIT "
            + SWEEP_BATCH;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, Rows.timestamp(now));
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw unavailable("finding holds past their timeout", e);
    }
  }

  private void sweepQuietly() {
    try {
      int expired = expireDueHolds();
      if (expired > 0) {
        log.info("expired {} hold(s) past their timeout", expired);
      }
    } catch (RuntimeException e) {
      log.warn("hold sweep failed; trying again at the next interval", e);
    }
  }

  @Override
  public Optional<Hold> findHold(long holdId) {
    return queryOne(
        "SELECT " + Rows.HOLD_COLUMNS + " FROM ledger.holds WHERE id = ?", holdId, Rows::hold);
  }

  @Override
  public HistoryPage history(long accountId, Optional<String> cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "invalid_limit", "page size must be 1 to " + MAX_PAGE_SIZE + " (was " + limit + ")");
    }
    long before = cursor.map(HistoryCursor::decode).orElse(Long.MAX_VALUE);
    account(accountId);
    String side =
        "SELECT "
            + Rows.TRANSFER_COLUMNS
            + " FROM ledger.transfers WHERE %s = ? AND id < ?"
            + " ORDER BY id DESC LIMIT ?";
    String sql =
        "("
            + side.formatted("debit_account_id")
            + ") UNION ALL ("
            + side.formatted("credit_account_id")
            + ") ORDER BY id DESC LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int branch = 0; branch < 2; branch++) {
        s.setLong(branch * 3 + 1, accountId);
        s.setLong(branch * 3 + 2, before);
        s.setInt(branch * 3 + 3, limit + 1);
      }
      s.setInt(7, limit + 1);
      List<Transfer> items = new ArrayList<>();
      boolean more = false;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (items.size() == limit) {
            more = true;
            break;
          }
          items.add(Rows.transfer(rs));
        }
      }
      Optional<String> next =
          more ? Optional.of(HistoryCursor.encode(items.getLast().id())) : Optional.empty();
      return new HistoryPage(items, next);
    } catch (SQLException e) {
      throw unavailable("reading an account's history", e);
    }
  }

  @Override
  public List<Hold> openHolds(long accountId) {
    account(accountId);
    return pendingHolds(
        "debit_account_id = ?", s -> s.setLong(1, accountId), "reading an account's open holds");
  }

  @Override
  public List<Hold> openFloats(String owner) {
    return pendingHolds(
        "kind = 'bet_float' AND metadata = ?",
        s -> s.setString(1, owner),
        "reading a shard's open floats");
  }

  /** Sets a query's parameters. */
  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  /** The pending holds that {@code condition} picks, oldest first. */
  private List<Hold> pendingHolds(String condition, Parameters parameters, String what) {
    String sql =
        "SELECT "
            + Rows.HOLD_COLUMNS
            + " FROM ledger.holds WHERE "
            + condition
            + " AND state = 'pending' ORDER BY id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      parameters.set(s);
      List<Hold> holds = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          holds.add(Rows.hold(rs));
        }
      }
      return holds;
    } catch (SQLException e) {
      throw unavailable(what, e);
    }
  }

  @Override
  public WriterStats writerStats() {
    return writer.stats();
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    writer.close();
  }

  private <T> Optional<T> queryOne(String sql, long id, RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable("reading the ledger", e);
    }
  }

  private static LedgerUnavailableException unavailable(String what, SQLException e) {
    return new LedgerUnavailableException(
        "ledger database failed while " + what + ": " + e.getMessage(), e);
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
