package dev.slipstream.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import javax.sql.DataSource;

/**
 * Backs off sign-in for an email after repeated failures: the {@value #FREE_FAILURES}th failure in
 * a row locks the email for 30 s, and each further one for twice as long as the last (1 min, 2 min,
 * … at most 15 min). Failures older than an hour are forgotten; a successful sign-in clears them.
 * Counted per normalised email whether or not an account has it, so the answers do not tell which
 * emails are registered. Kept in PostgreSQL so every gateway node sees the same count.
 */
final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final DataSource dataSource;
  private final InstantSource clock;

  LoginThrottle(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Refuses when the email is locked.
   *
   * @throws dev.slipstream.gateway.auth.TooManyAttemptsException while the lock lasts
   */
  void check(String email) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT locked_until FROM gateway.login_failures WHERE email = ?")) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next() && rs.getTimestamp(1) != null) {
          Instant until = rs.getTimestamp(1).toInstant();
          Instant now = clock.instant();
          if (until.isAfter(now)) {
            throw new TooManyAttemptsException(Duration.between(now, until));
          }
        }
      }
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  /** Counts a failure and locks the email when it has failed too often. */
  void failed(String email) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement count =
            c.prepareStatement(
                """
                INSERT INTO gateway.login_failures (email, failures, last_failure_at)
                VALUES (?, 1, ?)
                ON CONFLICT (email) DO UPDATE SET
                  failures = CASE WHEN login_failures.last_failure_at < ? THEN 1
                                  ELSE login_failures.failures + 1 END,
                  last_failure_at = EXCLUDED.last_failure_at
                RETURNING failures""")) {
      count.setString(1, email);
      count.setTimestamp(2, Timestamp.from(now));
      count.setTimestamp(3, Timestamp.from(now.minus(FORGET_AFTER)));
      int failures;
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        failures = rs.getInt(1);
      }
      if (failures >= FREE_FAILURES) {
        try (PreparedStatement lock =
            c.prepareStatement(
                "UPDATE gateway.login_failures SET locked_until = ? WHERE email = ?")) {
          lock.setTimestamp(1, Timestamp.from(now.plus(lockFor(failures))));
          lock.setString(2, email);
          lock.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  /** Forgets the failures of an email that has just signed in. */
  void succeeded(String email) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM gateway.login_failures WHERE email = ?")) {
      s.setString(1, email);
      s.executeUpdate();
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  /** The lock after {@code failures} failures in a row (at least {@link #FREE_FAILURES}). */
  static Duration lockFor(int failures) {
    int doublings = Math.min(failures - FREE_FAILURES, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
  }
}
