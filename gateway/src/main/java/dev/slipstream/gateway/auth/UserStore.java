package dev.slipstream.gateway.auth;

import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.platform.ConflictException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@code gateway.users} table. Email and display name are stored sealed by {@link PiiCipher}
 * (bound to the row's id and column), the email also as its blind index for lookups; an erased
 * account keeps only its id, roles-free, and is never returned.
 */
final class UserStore {
  /** A stored user: the account and its password hash. */
  record StoredUser(Account account, String passwordHash) {}

  private static final String COLUMNS =
      "id, email_sealed, display_name_sealed, password_hash, roles, created_at";
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final PiiCipher cipher;

  UserStore(DataSource dataSource, PiiCipher cipher) {
    this.dataSource = dataSource;
    this.cipher = cipher;
  }

  /**
   * Stores a new user.
   *
   * @throws ConflictException {@code email_taken} when an account has the email already
   */
  void insert(Account account, String passwordHash) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO gateway.users (id, email_index, email_sealed, display_name_sealed,"
                    + " password_hash, roles, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, account.id());
      s.setString(2, cipher.emailIndex(account.email()));
      s.setString(3, cipher.seal(account.email(), emailContext(account.id())));
      s.setString(4, cipher.seal(account.displayName(), nameContext(account.id())));
      s.setString(5, passwordHash);
      s.setArray(6, roles(c, account.roles()));
      s.setTimestamp(7, Timestamp.from(account.createdAt()));
      s.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new ConflictException("email_taken", "an account with this email exists already");
      }
      throw failed(e);
    }
  }

  Optional<StoredUser> byEmail(String normalisedEmail) {
    return one(
        "SELECT " + COLUMNS + " FROM gateway.users WHERE email_index = ? AND erased_at IS NULL",
        cipher.emailIndex(normalisedEmail));
  }

  Optional<StoredUser> byId(String id) {
    return one("SELECT " + COLUMNS + " FROM gateway.users WHERE id = ? AND erased_at IS NULL", id);
  }

  void updatePasswordHash(String id, String passwordHash) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE gateway.users SET password_hash = ? WHERE id = ? AND erased_at IS NULL")) {
      s.setString(1, passwordHash);
      s.setString(2, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Replaces the user's roles; says whether the user exists. */
  boolean updateRoles(String id, Set<Role> roles) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE gateway.users SET roles = ? WHERE id = ? AND erased_at IS NULL")) {
      s.setArray(1, roles(c, roles));
      s.setString(2, id);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Erases the user's personal data and ends every session of theirs in one transaction; says
   * whether there was a live account to erase.
   */
  boolean erase(String id, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement user =
              c.prepareStatement(
                  "UPDATE gateway.users SET email = NULL, display_name = NULL, email_index = NULL,"
                      + " email_sealed = NULL, display_name_sealed = NULL, password_hash = NULL,"
                      + " roles = '{}', erased_at = ? WHERE id = ? AND erased_at IS NULL");
          PreparedStatement sessions =
              c.prepareStatement(
                  "UPDATE gateway.sessions SET revoked_at = ?, revoked_reason = 'erased'"
                      + " WHERE user_id = ? AND revoked_at IS NULL");
          PreparedStatement tokens =
              c.prepareStatement(
                  "DELETE FROM gateway.refresh_tokens WHERE session_id IN"
                      + " (SELECT id FROM gateway.sessions WHERE user_id = ?)")) {
        user.setTimestamp(1, Timestamp.from(now));
        user.setString(2, id);
        boolean erased = user.executeUpdate() == 1;
        sessions.setTimestamp(1, Timestamp.from(now));
        sessions.setString(2, id);
        sessions.executeUpdate();
        tokens.setString(1, id);
        tokens.executeUpdate();
        c.commit();
        return erased;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Seals rows still holding plaintext (from before encryption) and re-seals rows under an older
   * key, and returns how many rows it changed. Safe to run on every start and on several nodes.
   */
  int sealAndRotate() {
    int changed = 0;
    try (Connection c = dataSource.getConnection()) {
      List<String[]> plain = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, email, display_name FROM gateway.users"
                      + " WHERE email IS NOT NULL AND erased_at IS NULL");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plain.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      for (String[] row : plain) {
        changed += reseal(c, row[0], Emails.normalise(row[1]), row[2], "email IS NOT NULL");
      }
      List<String[]> sealed = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, email_sealed, display_name_sealed FROM gateway.users"
                      + " WHERE email_sealed IS NOT NULL AND erased_at IS NULL");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sealed.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      for (String[] row : sealed) {
        if (!cipher.isCurrent(row[1]) || !cipher.isCurrent(row[2])) {
          changed +=
              reseal(
                  c,
                  row[0],
                  cipher.open(row[1], emailContext(row[0])),
                  cipher.open(row[2], nameContext(row[0])),
                  "email_sealed IS NOT NULL");
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return changed;
  }

  private int reseal(Connection c, String id, String email, String name, String unchanged)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE gateway.users SET email = NULL, display_name = NULL, email_index = ?,"
                + " email_sealed = ?, display_name_sealed = ? WHERE id = ? AND "
                + unchanged)) {
      s.setString(1, cipher.emailIndex(email));
      s.setString(2, cipher.seal(email, emailContext(id)));
      s.setString(3, cipher.seal(name, nameContext(id)));
      s.setString(4, id);
      return s.executeUpdate();
    }
  }

  private Optional<StoredUser> one(String sql, String value) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) rs.getArray("roles").getArray()) {
          Role.parse(name).ifPresent(roles::add);
        }
        String id = rs.getString("id");
        return Optional.of(
            new StoredUser(
                new Account(
                    id,
                    cipher.open(rs.getString("email_sealed"), emailContext(id)),
                    cipher.open(rs.getString("display_name_sealed"), nameContext(id)),
                    roles,
                    rs.getTimestamp("created_at").toInstant()),
                rs.getString("password_hash")));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static String emailContext(String id) {
    return "gateway.users.email:" + id;
  }

  private static String nameContext(String id) {
    return "gateway.users.display_name:" + id;
  }

  private static Array roles(Connection c, Set<Role> roles) throws SQLException {
    return c.createArrayOf("text", roles.stream().sorted().map(Role::wireName).toArray());
  }

  static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("the accounts database failed: " + e.getMessage(), e);
  }
}
