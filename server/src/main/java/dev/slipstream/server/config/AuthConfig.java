package dev.slipstream.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's accounts and browser-access part of the configuration.
 *
 * @param corsOrigins origins whose pages may call the API with credentials
 * @param adminEmail the email that is made admin, if any
 * @param jwtSecrets HS256 secrets, first signs; empty keeps a generated key in the database
 * @param accessTokenTtl how long an access token is good for
 * @param refreshTokenTtl how long an unused refresh token is good for
 */
public record AuthConfig(
    List<String> corsOrigins,
    Optional<String> adminEmail,
    List<String> jwtSecrets,
    Duration accessTokenTtl,
    Duration refreshTokenTtl) {
  /** Copies the lists. */
  public AuthConfig {
    corsOrigins = List.copyOf(corsOrigins);
    jwtSecrets = List.copyOf(jwtSecrets);
  }

  /** Hides the secrets, so the record can be logged. */
  @Override
  public String toString() {
    return "AuthConfig[corsOrigins="
        + corsOrigins
        + ", adminEmail="
        + adminEmail
        + ", jwtSecrets="
        + jwtSecrets.size()
        + " configured, accessTokenTtl="
        + accessTokenTtl
        + ", refreshTokenTtl="
        + refreshTokenTtl
        + "]";
  }
}
