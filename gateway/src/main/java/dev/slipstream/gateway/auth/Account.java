package dev.slipstream.gateway.auth;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user account as the API shows it (never the password hash).
 *
 * @param id the account id, {@code usr_…}
 * @param email the normalised email
 * @param displayName the name shown to others
 * @param roles what the account may do
 * @param createdAt when it registered
 */
public record Account(
    String id, String email, String displayName, Set<Role> roles, Instant createdAt) {
  /** Copies the roles. */
  public Account {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }
}
