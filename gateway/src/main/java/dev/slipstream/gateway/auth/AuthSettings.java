package dev.slipstream.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How accounts and tokens behave. Build with {@link #defaults()} and the {@code with…} methods;
 * every value is checked here, so a wrong one fails at start-up with a sentence naming it.
 *
 * @param issuer the {@code iss} of every token this server signs
 * @param accessTokenTtl how long an access token is good for (1 minute to 1 day)
 * @param refreshTokenTtl how long a refresh token is good for after it is issued (1 to 365 days)
 * @param playTokenTtl how long a play token is good for (10 s to 1 day)
 * @param jwtSecrets HS256 secrets, at least 32 bytes each: the first signs, all verify (rotation);
 *     empty means a key generated once and kept in the database, shared by every node
 * @param adminEmail an email that is made admin when it registers (and at start-up if it has)
 * @param passwordCost the Argon2id cost new hashes get; older hashes are upgraded at sign-in
 */
public record AuthSettings(
    String issuer,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Duration playTokenTtl,
    List<String> jwtSecrets,
    Optional<String> adminEmail,
    PasswordCost passwordCost) {

  /** The {@code aud} of access tokens. */
  public static final String API_AUDIENCE = "slipstream-api";

  /** The {@code aud} of play tokens, so neither kind can stand in for the other. */
  public static final String PLAY_AUDIENCE = "slipstream-play";

  /**
   * Argon2id parameters.
   *
   * @param memoryKib memory per hash in KiB (OWASP: at least 19456, i.e. 19 MiB)
   * @param iterations passes over the memory (OWASP: at least 2 at 19 MiB)
   * @param parallelism lanes
   */
  public record PasswordCost(int memoryKib, int iterations, int parallelism) {
    /** OWASP's recommended minimum: m=19 MiB, t=2, p=1. */
    public static final PasswordCost OWASP = new PasswordCost(19 * 1024, 2, 1);

    /** Checks the values are ones Argon2 accepts. */
    public PasswordCost {
      if (parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException(
            "Argon2 parallelism must be 1–16 (was " + parallelism + ")");
      }
      if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "Argon2 memory must be 8×parallelism KiB to 4 GiB (was " + memoryKib + " KiB)");
      }
      if (iterations < 1 || iterations > 100) {
        throw new IllegalArgumentException(
            "Argon2 iterations must be 1–100 (was " + iterations + ")");
      }
    }

    /** Says whether a hash made with {@code this} is weaker than one made with {@code other}. */
    boolean weakerThan(PasswordCost other) {
      return memoryKib < other.memoryKib
          || iterations < other.iterations
          || parallelism < other.parallelism;
    }
  }

  /** Validates the values. */
  public AuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(adminEmail, "adminEmail");
    Objects.requireNonNull(passwordCost, "passwordCost");
    requireBetween(
        "access token lifetime", accessTokenTtl, Duration.ofMinutes(1), Duration.ofDays(1));
    requireBetween(
        "refresh token lifetime", refreshTokenTtl, Duration.ofDays(1), Duration.ofDays(365));
    requireBetween("play token lifetime", playTokenTtl, Duration.ofSeconds(10), Duration.ofDays(1));
    jwtSecrets = List.copyOf(jwtSecrets);
    for (String secret : jwtSecrets) {
      if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
        throw new IllegalArgumentException(
            "every JWT secret must be at least 32 bytes (HS256 needs 256 bits); one has "
                + secret.getBytes(StandardCharsets.UTF_8).length);
      }
    }
    adminEmail = adminEmail.map(Emails::normalise);
  }

  private static void requireBetween(String what, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, what);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          what + " must be " + min + " to " + max + " (was " + value + ")");
    }
  }

  /**
   * Returns the defaults: issuer {@code slipstream}, 15-minute access tokens, 30-day refresh
   * tokens, 5-minute play tokens, a database-kept key, no admin email, OWASP's Argon2id cost.
   */
  public static AuthSettings defaults() {
    return new AuthSettings(
        "slipstream",
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        Duration.ofMinutes(5),
        List.of(),
        Optional.empty(),
        PasswordCost.OWASP);
  }

  /** Returns a copy with these token lifetimes. */
  public AuthSettings withTokenLifetimes(Duration access, Duration refresh, Duration play) {
    return new AuthSettings(issuer, access, refresh, play, jwtSecrets, adminEmail, passwordCost);
  }

  /** Returns a copy with these JWT secrets (first signs). */
  public AuthSettings withJwtSecrets(List<String> secrets) {
    return new AuthSettings(
        issuer, accessTokenTtl, refreshTokenTtl, playTokenTtl, secrets, adminEmail, passwordCost);
  }

  /** Returns a copy that makes {@code email} admin. */
  public AuthSettings withAdminEmail(Optional<String> email) {
    return new AuthSettings(
        issuer, accessTokenTtl, refreshTokenTtl, playTokenTtl, jwtSecrets, email, passwordCost);
  }

  /** Returns a copy that hashes new passwords at {@code cost}. */
  public AuthSettings withPasswordCost(PasswordCost cost) {
    return new AuthSettings(
        issuer, accessTokenTtl, refreshTokenTtl, playTokenTtl, jwtSecrets, adminEmail, cost);
  }
}
