package dev.slipstream.ledger.limits;

import dev.slipstream.ledger.HoldsInTransaction;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A player's own protections, kept in the ledger's schema and checked before money moves: limits on
 * deposits, net losses and stakes over a rolling day, week and 30 days, and breaks (a time-out of
 * an hour to six weeks, or a self-exclusion of six months or more, or for good).
 *
 * <p>A limit can be lowered, or set for the first time, at once; raising or removing one waits out
 * a 24-hour cooling-off, shown as pending until then. A break cannot be shortened or lifted early.
 * Wallets are ledger account ids.
 */
public interface PlayerLimits {
  /** How long a raise or removal of a limit waits before it applies. */
  Duration COOLING_OFF = Duration.ofHours(24);

  /** The shortest and longest time-out. */
  Duration MIN_TIME_OUT = Duration.ofHours(1);

  Duration MAX_TIME_OUT = Duration.ofDays(42);

  /** The shortest self-exclusion. */
  Duration MIN_SELF_EXCLUSION = Duration.ofDays(183);

  /** The longest self-exclusion with an end (100 years); longer is the permanent kind. */
  Duration MAX_SELF_EXCLUSION = Duration.ofDays(36_500);

  /** Returns the limits kept in {@code dataSource}'s ledger schema (migrated by the ledger). */
  static PlayerLimits postgres(DataSource dataSource, InstantSource clock) {
    return new PostgresPlayerLimits(dataSource, clock);
  }

  /**
   * Picks, of a batch's wallets, those with any limit or break on record (in force, pending or
   * over): one query for a whole batch of bets, read in the same round trip as the wallets. A
   * wallet it leaves in has nothing to check, so its stake may be held without {@link #checkStake}.
   */
  HoldsInTransaction.Screen WALLETS_WITH_LIMITS =
      new HoldsInTransaction.Screen(
          "SELECT w FROM unnest(?::int8[]) AS w"
              + " WHERE EXISTS (SELECT 1 FROM ledger.player_limits l WHERE l.wallet_account_id = w)"
              + " OR EXISTS (SELECT 1 FROM ledger.exclusions e WHERE e.wallet_account_id = w)");

  /**
   * Sets one limit ({@code amount} in minor units) or asks to remove it ({@code amount} empty), and
   * returns how it stands: lowered at once, raised or removed after the cooling-off.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_limit} for an amount that
   *     is not positive
   */
  PlayerLimit set(long wallet, LimitKind kind, LimitPeriod period, OptionalLong amount);

  /** A wallet's limits, with any raise whose cooling-off ended applied. */
  List<PlayerLimit> limits(long wallet);

  /**
   * Starts a time-out: no deposits or bets for {@code length} (1 hour to 6 weeks).
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_time_out}
   * @throws dev.slipstream.platform.ConflictException {@code exclusion_cannot_shorten} when a
   *     longer break is already in force
   */
  Exclusion timeOut(long wallet, Duration length);

  /**
   * Self-excludes for {@code length} (at least 6 months), or for good when null.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_self_exclusion}
   * @throws dev.slipstream.platform.ConflictException {@code exclusion_cannot_shorten}
   */
  Exclusion selfExclude(long wallet, @Nullable Duration length);

  /** The break in force now, if any. */
  Optional<Exclusion> exclusion(long wallet);

  /**
   * Checks a deposit against the wallet's break and deposit limits.
   *
   * @throws dev.slipstream.platform.ConflictException {@code account_excluded} or {@code
   *     deposit_limit_exceeded}, saying how much room is left
   */
  void checkDeposit(long wallet, long amount);

  /**
   * Checks a stake against the wallet's break and its stake and loss limits (the stake counts as
   * lost until it wins).
   *
   * @throws dev.slipstream.platform.ConflictException {@code account_excluded}, {@code
   *     stake_limit_exceeded} or {@code loss_limit_exceeded}
   */
  void checkStake(long wallet, long amount);
}
