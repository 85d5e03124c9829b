package dev.slipstream.ledger.limits;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** {@link PlayerLimits} on the ledger's tables; every call is its own short transaction. */
final class PostgresPlayerLimits implements PlayerLimits {
  private final DataSource dataSource;
  private final InstantSource clock;

  PostgresPlayerLimits(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public PlayerLimit set(long wallet, LimitKind kind, LimitPeriod period, OptionalLong amount) {
    if (amount.isPresent() && amount.getAsLong() <= 0) {
      throw new InvalidInputException(
          "invalid_limit", "a limit must be a positive amount (was " + amount.getAsLong() + ")");
    }
    Instant now = clock.instant();
    return inTransaction(
        c -> {
          PlayerLimit current =
              promoted(c, wallet, now).stream()
                  .filter(l -> l.kind() == kind && l.period() == period)
                  .findFirst()
                  .orElse(
                      new PlayerLimit(
                          kind, period, OptionalLong.empty(), OptionalLong.empty(), false, null));
          OptionalLong inForce = current.amount();
          Long newAmount = inForce.isPresent() ? inForce.getAsLong() : null;
          Long pending = null;
          boolean removal = false;
          Instant pendingFrom = null;
          if (amount.isEmpty()) {
            if (inForce.isPresent()) {
              removal = true;
              pendingFrom = now.plus(COOLING_OFF);
            }
          } else if (inForce.isEmpty() || amount.getAsLong() <= inForce.getAsLong()) {
            newAmount = amount.getAsLong();
          } else {
            pending = amount.getAsLong();
            pendingFrom = now.plus(COOLING_OFF);
          }
          upsert(c, wallet, kind, period, newAmount, pending, removal, pendingFrom, now);
          return new PlayerLimit(
              kind,
              period,
              newAmount == null ? OptionalLong.empty() : OptionalLong.of(newAmount),
              pending == null ? OptionalLong.empty() : OptionalLong.of(pending),
              removal,
              pendingFrom);
        });
  }

  @Override
  public List<PlayerLimit> limits(long wallet) {
    Instant now = clock.instant();
    return inTransaction(c -> promoted(c, wallet, now));
  }

  @Override
  public Exclusion timeOut(long wallet, Duration length) {
    if (length.compareTo(MIN_TIME_OUT) < 0 || length.compareTo(MAX_TIME_OUT) > 0) {
      throw new InvalidInputException(
          "invalid_time_out", "a time-out lasts 1 hour to 6 weeks (was " + length + ")");
    }
    return exclude(wallet, "time_out", clock.instant().plus(length));
  }

  @Override
  public Exclusion selfExclude(long wallet, @Nullable Duration length) {
    if (length != null && length.compareTo(MIN_SELF_EXCLUSION) < 0) {
      throw new InvalidInputException(
          "invalid_self_exclusion",
          "a self-exclusion lasts at least 6 months, or for good (was " + length + ")");
    }
    if (length != null && length.compareTo(MAX_SELF_EXCLUSION) > 0) {
      throw new InvalidInputException(
          "invalid_self_exclusion",
          "a self-exclusion with an end lasts at most 36500 days; for longer choose one for good"
              + " (was "
              + length.toDays()
              + " days)");
    }
    return exclude(wallet, "self_exclusion", length == null ? null : clock.instant().plus(length));
  }

  @Override
  public Optional<Exclusion> exclusion(long wallet) {
    Instant now = clock.instant();
    return inTransaction(c -> current(c, wallet)).filter(e -> e.activeAt(now));
  }

  @Override
  public void checkDeposit(long wallet, long amount) {
    Instant now = clock.instant();
    readOnly(
        c -> {
          requireNotExcluded(c, wallet, now);
          List<PlayerLimit> capped = inForce(c, wallet, now, LimitKind.DEPOSIT);
          if (capped.isEmpty()) {
            return null;
          }
          Map<LimitPeriod, Long> deposits =
              sums(c, wallet, now, "transfers", "credit_account_id", "deposit", "");
          // Deposits still waiting for the provider count too, or a burst of them could pass the
          // limit before the first is confirmed.
          Map<LimitPeriod, Long> pending = pendingDeposits(c, wallet, now);
          for (PlayerLimit limit : capped) {
            refuseOver(
                "deposit",
                limit,
                deposits.get(limit.period()) + pending.get(limit.period()),
                amount);
          }
          return null;
        });
  }

  /**
   * Checks a stake on the bet path, so it only reads (no write, no flush): the break, then the
   * limits in force (a raise whose cooling-off is over counts, even before it is written back), and
   * the usage only when there is a limit to count against.
   */
  @Override
  public void checkStake(long wallet, long amount) {
    Instant now = clock.instant();
    readOnly(
        c -> {
          requireNotExcluded(c, wallet, now);
          List<PlayerLimit> capped = inForce(c, wallet, now, LimitKind.STAKE, LimitKind.LOSS);
          if (capped.isEmpty()) {
            return null;
          }
          Map<LimitPeriod, Long> stakes =
              sums(
                  c,
                  wallet,
                  now,
                  "holds",
                  "debit_account_id",
                  "stake",
                  " AND state IN ('pending', 'posted')");
          boolean loss = capped.stream().anyMatch(l -> l.kind() == LimitKind.LOSS);
          Map<LimitPeriod, Long> payouts =
              loss
                  ? sums(c, wallet, now, "transfers", "credit_account_id", "payout", "")
                  : Map.of();
          for (PlayerLimit limit : capped) {
            long staked = stakes.get(limit.period());
            if (limit.kind() == LimitKind.STAKE) {
              refuseOver("stake", limit, staked, amount);
            } else {
              refuseOver("loss", limit, Math.max(0, staked - payouts.get(limit.period())), amount);
            }
          }
          return null;
        });
  }

  /** The wallet's limits of these kinds in force at {@code now}, without writing anything. */
  private static List<PlayerLimit> inForce(
      Connection c, long wallet, Instant now, LimitKind... kinds) throws SQLException {
    List<LimitKind> wanted = List.of(kinds);
    List<PlayerLimit> inForce = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT kind, period, amount, pending_amount, pending_removal, pending_from"
                + " FROM ledger.player_limits WHERE wallet_account_id = ?")) {
      s.setLong(1, wallet);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          LimitKind kind = LimitKind.of(rows.getString(1));
          if (!wanted.contains(kind)) {
            continue;
          }
          long amount = rows.getLong(3);
          boolean hasAmount = !rows.wasNull();
          long pending = rows.getLong(4);
          boolean hasPending = !rows.wasNull();
          boolean removal = rows.getBoolean(5);
          Timestamp from = rows.getTimestamp(6);
          if (from != null && !from.toInstant().isAfter(now)) {
            hasAmount = !removal && hasPending;
            amount = pending;
          }
          if (hasAmount) {
            inForce.add(
                new PlayerLimit(
                    kind,
                    LimitPeriod.of(rows.getString(2)),
                    OptionalLong.of(amount),
                    OptionalLong.empty(),
                    false,
                    null));
          }
        }
      }
    }
    return inForce;
  }

  private static void refuseOver(String what, PlayerLimit limit, long used, long amount) {
    long cap = limit.amount().getAsLong();
    if (used + amount > cap) {
      throw new ConflictException(
          what + "_limit_exceeded",
          String.format(
              Locale.ROOT,
              "your %s %s limit is %.2f; %.2f is left",
              adjective(limit.period()),
              what,
              cap / 100.0,
              Math.max(0, cap - used) / 100.0));
    }
  }

  private static String adjective(LimitPeriod period) {
    return switch (period) {
      case DAY -> "daily";
      case WEEK -> "weekly";
      case MONTH -> "30-day";
    };
  }

  private Exclusion exclude(long wallet, String kind, @Nullable Instant until) {
    Instant now = clock.instant();
    return inTransaction(
        c -> {
          Optional<Exclusion> existing = current(c, wallet).filter(e -> e.activeAt(now));
          if (existing.isPresent() && endsLater(existing.get(), until)) {
            throw new ConflictException(
                "exclusion_cannot_shorten",
                "a break already runs "
                    + (existing.get().until() == null
                        ? "for good"
                        : "until " + existing.get().until())
                    + "; it cannot be shortened");
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO ledger.exclusions (wallet_account_id, kind, until, created_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (wallet_account_id) DO UPDATE"
                      + " SET kind = EXCLUDED.kind, until = EXCLUDED.until, created_at = EXCLUDED.created_at")) {
            s.setLong(1, wallet);
            s.setString(2, kind);
            s.setTimestamp(3, until == null ? null : Timestamp.from(until));
            s.setTimestamp(4, Timestamp.from(now));
            s.executeUpdate();
          }
          return new Exclusion(kind.equals("self_exclusion"), until);
        });
  }

  private static boolean endsLater(Exclusion existing, @Nullable Instant until) {
    if (existing.until() == null) {
      return true;
    }
    return until != null && existing.until().isAfter(until);
  }

  private static void requireNotExcluded(Connection c, long wallet, Instant now)
      throws SQLException {
    Optional<Exclusion> exclusion = current(c, wallet).filter(e -> e.activeAt(now));
    if (exclusion.isPresent()) {
      Exclusion e = exclusion.get();
      throw new ConflictException(
          "account_excluded",
          (e.selfExclusion() ? "you have excluded yourself" : "you are taking a time-out")
              + (e.until() == null ? " for good" : " until " + e.until()));
    }
  }

  private static Optional<Exclusion> current(Connection c, long wallet) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT kind, until FROM ledger.exclusions WHERE wallet_account_id = ?")) {
      s.setLong(1, wallet);
      try (ResultSet rows = s.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        Timestamp until = rows.getTimestamp(2);
        return Optional.of(
            new Exclusion(
                rows.getString(1).equals("self_exclusion"),
                until == null ? null : until.toInstant()));
      }
    }
  }

  /** Reads the wallet's limits, first applying pending changes whose cooling-off is over. */
  private static List<PlayerLimit> promoted(Connection c, long wallet, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE ledger.player_limits SET"
                + " amount = CASE WHEN pending_removal THEN NULL ELSE pending_amount END,"
                + " pending_amount = NULL, pending_removal = FALSE, pending_from = NULL, updated_at = ?"
                + " WHERE wallet_account_id = ? AND pending_from <= ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setLong(2, wallet);
      s.setTimestamp(3, Timestamp.from(now));
      s.executeUpdate();
    }
    List<PlayerLimit> limits = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT kind, period, amount, pending_amount, pending_removal, pending_from"
                + " FROM ledger.player_limits WHERE wallet_account_id = ? ORDER BY kind, period")) {
      s.setLong(1, wallet);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          long amount = rows.getLong(3);
          boolean hasAmount = !rows.wasNull();
          long pending = rows.getLong(4);
          boolean hasPending = !rows.wasNull();
          Timestamp from = rows.getTimestamp(6);
          if (!hasAmount && !hasPending) {
            continue;
          }
          limits.add(
              new PlayerLimit(
                  LimitKind.of(rows.getString(1)),
                  LimitPeriod.of(rows.getString(2)),
                  hasAmount ? OptionalLong.of(amount) : OptionalLong.empty(),
                  hasPending ? OptionalLong.of(pending) : OptionalLong.empty(),
                  rows.getBoolean(5),
                  from == null ? null : from.toInstant()));
        }
      }
    }
    return limits;
  }

  private static void upsert(
      Connection c,
      long wallet,
      LimitKind kind,
      LimitPeriod period,
      @Nullable Long amount,
      @Nullable Long pending,
      boolean removal,
      @Nullable Instant pendingFrom,
      Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO ledger.player_limits"
                + " (wallet_account_id, kind, period, amount, pending_amount, pending_removal, pending_from, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (wallet_account_id, kind, period) DO UPDATE SET amount = EXCLUDED.amount,"
                + " pending_amount = EXCLUDED.pending_amount, pending_removal = EXCLUDED.pending_removal,"
                + " pending_from = EXCLUDED.pending_from, updated_at = EXCLUDED.updated_at")) {
      s.setLong(1, wallet);
      s.setString(2, kind.wireName());
      s.setString(3, period.wireName());
      s.setObject(4, amount);
      s.setObject(5, pending);
      s.setBoolean(6, removal);
      s.setTimestamp(7, pendingFrom == null ? null : Timestamp.from(pendingFrom));
      s.setTimestamp(8, Timestamp.from(now));
      s.executeUpdate();
    }
  }

  /** Sums a wallet's deposits that the provider has not confirmed yet, over each period. */
  private static Map<LimitPeriod, Long> pendingDeposits(Connection c, long wallet, Instant now)
      throws SQLException {
    Map<LimitPeriod, Long> sums = new EnumMap<>(LimitPeriod.class);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT coalesce(sum(amount) FILTER (WHERE created_at > ?), 0),"
                + " coalesce(sum(amount) FILTER (WHERE created_at > ?), 0),"
                + " coalesce(sum(amount), 0)"
                + " FROM ledger.payment_intents"
                + " WHERE wallet_account_id = ? AND state = 'pending' AND created_at > ?")) {
      s.setTimestamp(1, Timestamp.from(now.minus(LimitPeriod.DAY.length())));
      s.setTimestamp(2, Timestamp.from(now.minus(LimitPeriod.WEEK.length())));
      s.setLong(3, wallet);
      s.setTimestamp(4, Timestamp.from(now.minus(LimitPeriod.MONTH.length())));
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        sums.put(LimitPeriod.DAY, rows.getLong(1));
        sums.put(LimitPeriod.WEEK, rows.getLong(2));
        sums.put(LimitPeriod.MONTH, rows.getLong(3));
      }
    }
    return sums;
  }

  /** Sums a wallet's rows of one kind over each period, in one scan of the longest. */
  private static Map<LimitPeriod, Long> sums(
      Connection c,
      long wallet,
      Instant now,
      String table,
      String accountColumn,
      String kind,
      String extra)
      throws SQLException {
    Map<LimitPeriod, Long> sums = new EnumMap<>(LimitPeriod.class);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT coalesce(sum(amount) FILTER (WHERE created_at > ?), 0),"
                + " coalesce(sum(amount) FILTER (WHERE created_at > ?), 0),"
                + " coalesce(sum(amount), 0)"
                + " FROM ledger."
                + table
                + " WHERE "
                + accountColumn
                + " = ? AND kind = ? AND created_at > ?"
                + extra)) {
      s.setTimestamp(1, Timestamp.from(now.minus(LimitPeriod.DAY.length())));
      s.setTimestamp(2, Timestamp.from(now.minus(LimitPeriod.WEEK.length())));
      s.setLong(3, wallet);
      s.setString(4, kind);
      s.setTimestamp(5, Timestamp.from(now.minus(LimitPeriod.MONTH.length())));
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        sums.put(LimitPeriod.DAY, rows.getLong(1));
        sums.put(LimitPeriod.WEEK, rows.getLong(2));
        sums.put(LimitPeriod.MONTH, rows.getLong(3));
      }
    }
    return sums;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs reads outside any explicit transaction: nothing to commit, nothing to flush. */
  private <T> T readOnly(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("player limits: " + e.getMessage(), e);
    }
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("player limits: " + e.getMessage(), e);
    }
  }
}
