package dev.slipstream.gateway.auth;

import dev.slipstream.platform.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Sign-in sessions and their rotating refresh tokens. A token is {@code rt_} and 256 random bits;
 * only its SHA-256 is stored. Every use replaces it with a new one in the same session (the token
 * family); presenting a replaced token again means it was copied, so the whole session is revoked
 * and the thief's copy and the owner's newer token both stop working.
 *
 * <p>Rotation locks the session row ({@code SELECT … FOR UPDATE}), so two uses of one token race to
 * one winner, and the loser counts as reuse.
 */
final class RefreshSessions {
  /** A new refresh token. */
  record Issued(String token, Instant expiresAt) {}

  /** The outcome of a rotation: whose session it is and the token that replaces the old one. */
  record Rotated(String userId, String sessionId, Issued next) {}

  private static final Pattern TOKEN = Pattern.compile("rt_[A-Za-z0-9_-]{43}");

  private final DataSource dataSource;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Duration ttl;
  private final ActiveSessions active;

  RefreshSessions(
      DataSource dataSource, InstantSource clock, RandomGenerator random, Duration ttl) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
    this.ttl = ttl;
    this.active = new ActiveSessions(dataSource, clock);
  }

  /** Opens a session for {@code userId} and returns its first refresh token. */
  Issued open(String userId, String sessionId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO gateway.sessions (id, user_id, created_at) VALUES (?, ?, ?)")) {
        s.setString(1, sessionId);
        s.setString(2, userId);
        s.setTimestamp(3, Timestamp.from(clock.instant()));
        s.executeUpdate();
        Issued issued = insertToken(c, sessionId);
        c.commit();
        return issued;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  /**
   * Replaces {@code token} with a new one.
   *
   * @throws UnauthorizedException {@code invalid_refresh_token} (unknown), {@code
   *     refresh_token_expired}, {@code refresh_token_revoked} (the session was ended), or {@code
   *     refresh_token_reused} (it was replaced before; the session is now revoked)
   */
  Rotated rotate(String token) {
    byte[] hash = hashOf(token);
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Rotated rotated = rotate(c, hash, now);
        c.commit();
        return rotated;
      } catch (UnauthorizedException e) {
        c.commit(); // keeps a reuse revocation
        throw e;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  private Rotated rotate(Connection c, byte[] hash, Instant now) throws SQLException {
    String sessionId;
    String userId;
    Instant expiresAt;
    boolean replaced;
    boolean revoked;
    try (PreparedStatement s =
        c.prepareStatement(
            """
            SELECT t.session_id, s.user_id, t.expires_at, t.replaced_at IS NOT NULL,
                   s.revoked_at IS NOT NULL
            FROM gateway.refresh_tokens t JOIN gateway.sessions s ON s.id = t.session_id
            WHERE t.token_hash = ?
            FOR UPDATE OF t, s""")) {
      s.setBytes(1, hash);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new UnauthorizedException(
              "invalid_refresh_token", "this refresh token is not one this server issued");
        }
        sessionId = rs.getString(1);
        userId = rs.getString(2);
        expiresAt = rs.getTimestamp(3).toInstant();
        replaced = rs.getBoolean(4);
        revoked = rs.getBoolean(5);
      }
    }
    if (revoked) {
      throw new UnauthorizedException(
          "refresh_token_revoked", "this session was ended; sign in again");
    }
    if (replaced) {
      revokeSession(c, sessionId, "reuse", now);
      throw new UnauthorizedException(
          "refresh_token_reused",
          "this refresh token was used before, so the session is revoked; sign in again");
    }
    if (!now.isBefore(expiresAt)) {
      throw new UnauthorizedException(
          "refresh_token_expired", "this refresh token expired at " + expiresAt);
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE gateway.refresh_tokens SET replaced_at = ? WHERE token_hash = ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setBytes(2, hash);
      s.executeUpdate();
    }
    return new Rotated(userId, sessionId, insertToken(c, sessionId));
  }

  /**
   * Ends the session {@code token} belongs to, whether the token is current or replaced. Unknown
   * tokens change nothing.
   */
  void revoke(String token) {
    if (!TOKEN.matcher(token).matches()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                """
                UPDATE gateway.sessions SET revoked_at = ?, revoked_reason = 'logout'
                WHERE revoked_at IS NULL
                  AND id = (SELECT session_id FROM gateway.refresh_tokens WHERE token_hash = ?)
                RETURNING id""")) {
      s.setTimestamp(1, Timestamp.from(clock.instant()));
      s.setBytes(2, hashOf(token));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          active.ended(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  /**
   * Says whether a session exists and has not been revoked: from memory, with revocations on other
   * nodes seen within {@link ActiveSessions#POLL}.
   */
  boolean active(String sessionId) {
    try {
      return active.active(sessionId);
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  /** Forgets every remembered session of a user whose sessions were all just ended. */
  void endedAllOf(String userId) {
    active.endedAllOf(userId);
  }

  private void revokeSession(Connection c, String sessionId, String reason, Instant now)
      throws SQLException {
    active.ended(sessionId);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE gateway.sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ?")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setString(2, reason);
      s.setString(3, sessionId);
      s.executeUpdate();
    }
  }

  private Issued insertToken(Connection c, String sessionId) throws SQLException {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    // PostgreSQL keeps microseconds; truncating first makes the stored expiry the one we mean.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant expiresAt = now.plus(ttl);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO gateway.refresh_tokens (token_hash, session_id, issued_at, expires_at)"
                + " VALUES (?, ?, ?, ?)")) {
      s.setBytes(1, hashOf(token));
      s.setString(2, sessionId);
      s.setTimestamp(3, Timestamp.from(now));
      s.setTimestamp(4, Timestamp.from(expiresAt));
      s.executeUpdate();
    }
    return new Issued(token, expiresAt);
  }

  private static byte[] hashOf(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new UnauthorizedException(
          "invalid_refresh_token", "a refresh token is rt_ followed by 43 base64url characters");
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
