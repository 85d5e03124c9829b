package dev.slipstream.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The HS256 keys tokens are signed and checked with, each named by a {@code kid}: the first signs,
 * all verify, so a key can be rotated in without cutting off tokens already out.
 *
 * <p>Configured secrets win. Without any, one key is generated on first start and kept in the
 * {@code gateway.signing_keys} table, so restarts and every node behind a load balancer share it;
 * an advisory lock keeps two nodes starting at once from making two.
 */
final class SigningKeys {
  /** One key: its id in token headers and its secret bytes. */
  record SigningKey(String kid, byte[] secret) {}

  private static final long GENERATE_LOCK = 0x5117_57AE_4A07_0001L;

  private final SigningKey current;
  private final Map<String, SigningKey> byKid;

  private SigningKeys(List<SigningKey> keys) {
    this.current = keys.getFirst();
    Map<String, SigningKey> map = new LinkedHashMap<>();
    keys.forEach(k -> map.put(k.kid(), k));
    this.byKid = Map.copyOf(map);
  }

  /** Returns the key that signs new tokens. */
  SigningKey current() {
    return current;
  }

  /** Returns the key with this id, if it is one this server accepts. */
  Optional<SigningKey> find(String kid) {
    return Optional.ofNullable(kid == null ? null : byKid.get(kid));
  }

  /** Returns keys made from configured secrets; {@code secrets} must not be empty. */
  static SigningKeys configured(List<String> secrets) {
    List<SigningKey> keys = new ArrayList<>();
    for (String secret : secrets) {
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      keys.add(new SigningKey("c-" + kidOf(bytes), bytes));
    }
    return new SigningKeys(keys);
  }

  /** Returns the keys kept in the database, generating the first one if there is none. */
  static SigningKeys stored(DataSource dataSource, InstantSource clock, RandomGenerator random) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_advisory_xact_lock(" + GENERATE_LOCK + ")");
        }
        List<SigningKey> keys = read(c);
        if (keys.isEmpty()) {
          byte[] secret = new byte[32];
          random.nextBytes(secret);
          byte[] id = new byte[8];
          random.nextBytes(id);
          SigningKey key = new SigningKey("g-" + HexFormat.of().formatHex(id), secret);
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO gateway.signing_keys (kid, secret, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, key.kid());
            insert.setBytes(2, key.secret());
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
          }
          keys = List.of(key);
        }
        c.commit();
        return new SigningKeys(keys);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the token signing keys: " + e.getMessage(), e);
    }
  }

  private static List<SigningKey> read(Connection c) throws SQLException {
    List<SigningKey> keys = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT kid, secret FROM gateway.signing_keys ORDER BY created_at DESC, kid")) {
      while (rs.next()) {
        keys.add(new SigningKey(rs.getString(1), rs.getBytes(2)));
      }
    }
    return keys;
  }

  /** A key id that names a secret without revealing anything about it. */
  private static String kidOf(byte[] secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("slipstream-jwt-kid:".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(secret), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
