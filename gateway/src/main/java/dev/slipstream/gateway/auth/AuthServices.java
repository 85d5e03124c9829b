package dev.slipstream.gateway.auth;

import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.gateway.privacy.PiiKeys;
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

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuthServices.class);

  private final Accounts accounts;
  private final StreamAccess streamAccess;

  private AuthServices(Accounts accounts, StreamAccess streamAccess) {
    this.accounts = accounts;
    this.streamAccess = streamAccess;
  }

  /**
   * Starts with the built-in demo keys for personal data ({@link PiiKeys.demo()}): for tests and
   * tools; a server passes its configured keys to {@link #start(DataSource, AuthSettings,
   * InstantSource, RandomGenerator, PiiCipher)}.
   */
  public static AuthServices start(
      DataSource dataSource, AuthSettings settings, InstantSource clock, RandomGenerator random) {
    return start(dataSource, settings, clock, random, new PiiCipher(PiiKeys.demo(), random));
  }

  /**
   * Loads or generates the signing keys, seals personal data still in plaintext and re-seals values
   * under an older key, makes the configured admin email an admin if it has registered, and returns
   * the services; {@code random} must be cryptographically strong outside tests.
   */
  public static AuthServices start(
      DataSource dataSource,
      AuthSettings settings,
      InstantSource clock,
      RandomGenerator random,
      PiiCipher cipher) {
    UserStore users = new UserStore(dataSource, cipher);
    int resealed = users.sealAndRotate();
    if (resealed > 0) {
      log.info("personal data: sealed or re-keyed {} account(s)", resealed);
    }
    SigningKeys keys =
        settings.jwtSecrets().isEmpty()
            ? SigningKeys.stored(dataSource, clock, random)
            : SigningKeys.configured(settings.jwtSecrets());
    JwtTokens tokens = new JwtTokens(keys, settings.issuer(), clock, random);
    Accounts accounts =
        new Accounts(
            settings,
            users,
            new LoginThrottle(dataSource, clock),
            new RefreshSessions(dataSource, clock, random, settings.refreshTokenTtl()),
            tokens,
            new Argon2idHasher(settings.passwordCost(), random),
            clock,
            random,
            cipher);
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
