package dev.slipstream.gateway.auth;

import dev.slipstream.platform.db.SchemaMigration;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * Everything the gateway needs to know who is calling: accounts and sessions, and stream access.
 * Built once by the composition root over the database migrated with {@link #MIGRATION}.
 */
public final class AuthServices {
  /** The gateway's schema and migrations; the composition root applies them at start. */
  public static final SchemaMigration MIGRATION =
      new SchemaMigration("gateway", "classpath:db/gateway");

  private final Accounts accounts;
  private final StreamAccess streamAccess;

  private AuthServices(Accounts accounts, StreamAccess streamAccess) {
    this.accounts = accounts;
    this.streamAccess = streamAccess;
  }

  /**
   * Loads or generates the signing keys, makes the configured admin email an admin if it has
   * registered, and returns the services; {@code random} must be cryptographically strong outside
   * tests.
   */
  public static AuthServices start(
      DataSource dataSource, AuthSettings settings, InstantSource clock, RandomGenerator random) {
    SigningKeys keys =
        settings.jwtSecrets().isEmpty()
            ? SigningKeys.stored(dataSource, clock, random)
            : SigningKeys.configured(settings.jwtSecrets());
    JwtTokens tokens = new JwtTokens(keys, settings.issuer(), clock, random);
    Accounts accounts =
        new Accounts(
            settings,
            new UserStore(dataSource),
            new LoginThrottle(dataSource, clock),
            new RefreshSessions(dataSource, clock, random, settings.refreshTokenTtl()),
            tokens,
            new Argon2idHasher(settings.passwordCost(), random),
            clock,
            random);
    accounts.promoteConfiguredAdmin();
    return new AuthServices(
        accounts, new StreamAccess(dataSource, tokens, clock, settings.playTokenTtl()));
  }

  /** Returns accounts and sessions. */
  public Accounts accounts() {
    return accounts;
  }

  /** Returns stream ownership and play tokens. */
  public StreamAccess streamAccess() {
    return streamAccess;
  }
}
