package dev.slipstream.gateway.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in user as an access token proves them: who, in which session, with which roles.
 *
 * @param userId the account id, {@code usr_…}
 * @param sessionId the sign-in session (refresh-token family) the token was issued for
 * @param roles the roles the token carries (granted roles take effect at the next refresh)
 */
public record Caller(String userId, String sessionId, Set<Role> roles) {
  /** Copies the roles. */
  public Caller {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Says whether this caller may act as {@code role}: holds it, or is an admin. */
  public boolean actsAs(Role role) {
    return roles.contains(role) || roles.contains(Role.ADMIN);
  }

  /** Says whether this caller may act as any of {@code anyOf}. */
  public boolean actsAsAny(Set<Role> anyOf) {
    return anyOf.stream().anyMatch(this::actsAs);
  }
}
