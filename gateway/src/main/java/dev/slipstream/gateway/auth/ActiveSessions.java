package dev.slipstream.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Which sign-in sessions are still active, answered from memory. Every signed-in request and every
 * bet on a live socket asks; asking PostgreSQL each time cost a query per request (a thousand a
 * second from a thousand betting sockets), so a session found active is remembered, and what ends
 * sessions is learnt two ways:
 *
 * <ul>
 *   <li>on this node at once: sign-out, a reused refresh token and erasure forget the session here
 *       as they end it;
 *   <li>on every other node within about a second: the first check after a second has passed asks
 *       for the sessions ended since the last such look (minus a margin for clocks that disagree
 *       and commits that land late) and forgets them.
 * </ul>
 *
 * <p>So a session ended anywhere stops working everywhere within {@link #POLL} plus one query, as
 * it did when each socket re-read its session once a second, for one query a second per node.
 */
final class ActiveSessions {
  /** How stale a remembered session may be. */
  static final Duration POLL = Duration.ofSeconds(1);

  /** How far back each look reaches before the last one: clock skew and late commits. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  /** Sessions remembered at most; past it the memory starts again (sessions are re-read). */
  private static final int MAX_REMEMBERED = 500_000;

  private final DataSource dataSource;
  private final InstantSource clock;
  private final Map<String, String> userBySession = new ConcurrentHashMap<>();
  private final ReentrantLock looking = new ReentrantLock();
  private volatile Instant lookedAt;

  ActiveSessions(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.lookedAt = clock.instant();
  }

  /** Says whether a session exists and has not been ended. */
  boolean active(String sessionId) throws SQLException {
    forgetEndedIfDue();
    if (userBySession.containsKey(sessionId)) {
      return true;
    }
    String userId = readActive(sessionId);
    if (userId == null) {
      return false;
    }
    if (userBySession.size() >= MAX_REMEMBERED) {
      userBySession.clear();
    }
    userBySession.put(sessionId, userId);
    return true;
  }

  /** This node ended the session. */
  void ended(String sessionId) {
    userBySession.remove(sessionId);
  }

  /** This node ended every session of the user. */
  void endedAllOf(String userId) {
    userBySession.values().removeIf(userId::equals);
  }

  private void forgetEndedIfDue() throws SQLException {
    Instant now = clock.instant();
    Instant last = lookedAt;
    if (now.isBefore(last.plus(POLL)) && !now.isBefore(last)) {
      return;
    }
    if (!looking.tryLock()) {
      return; // another thread is looking; this check goes on with what is known
    }
    try {
      if (lookedAt != last) {
        return;
      }
      Instant since = (now.isBefore(last) ? now : last).minus(MARGIN);
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement("SELECT id FROM gateway.sessions WHERE revoked_at >= ?")) {
        s.setTimestamp(1, Timestamp.from(since));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            userBySession.remove(rs.getString(1));
          }
        }
      }
      lookedAt = now;
    } finally {
      looking.unlock();
    }
  }

  private @Nullable String readActive(String sessionId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT user_id FROM gateway.sessions WHERE id = ? AND revoked_at IS NULL")) {
      s.setString(1, sessionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
