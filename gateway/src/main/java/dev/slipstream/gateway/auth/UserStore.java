package dev.slipstream.gateway.auth;

import dev.slipstream.platform.ConflictException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The {@code gateway.users} table. */
final class UserStore {
  /** A stored user: the account and its password hash. */
  record StoredUser(Account account, String passwordHash) {}

  private static final String COLUMNS = "id, email, display_name, password_hash, roles, created_at";
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  UserStore(DataSource dataSource) {
    this.dataSource = dataSource;
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
                "INSERT INTO gateway.users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, account.id());
      s.setString(2, account.email());
      s.setString(3, account.displayName());
      s.setString(4, passwordHash);
      s.setArray(5, roles(c, account.roles()));
      s.setTimestamp(6, Timestamp.from(account.createdAt()));
      s.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new ConflictException("email_taken", "an account with this email exists already");
      }
      throw failed(e);
    }
  }

  Optional<StoredUser> byEmail(String email) {
    return one("SELECT " + COLUMNS + " FROM gateway.users WHERE email = ?", email);
  }

  Optional<StoredUser> byId(String id) {
    return one("SELECT " + COLUMNS + " FROM gateway.users WHERE id = ?", id);
  }

  void updatePasswordHash(String id, String passwordHash) {
    update("UPDATE gateway.users SET password_hash = ? WHERE id = ?", passwordHash, id);
  }

  /** Replaces the user's roles; says whether the user exists. */
  boolean updateRoles(String id, Set<Role> roles) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE gateway.users SET roles = ? WHERE id = ?")) {
      s.setArray(1, roles(c, roles));
      s.setString(2, id);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failed(e);
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
        return Optional.of(
            new StoredUser(
                new Account(
                    rs.getString("id"),
                    rs.getString("email"),
                    rs.getString("display_name"),
                    roles,
                    rs.getTimestamp("created_at").toInstant()),
                rs.getString("password_hash")));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private void update(String sql, String first, String second) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, first);
      s.setString(2, second);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static Array roles(Connection c, Set<Role> roles) throws SQLException {
    return c.createArrayOf("text", roles.stream().sorted().map(Role::wireName).toArray());
  }

  static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("the accounts database failed: " + e.getMessage(), e);
  }
}
