package dev.slipstream.gateway.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do. New accounts are viewers and bettors; an admin grants the rest. An admin may
 * do whatever any other role may.
 */
public enum Role {
  /** Watches streams, including those that need a play token. */
  VIEWER,
  /** Places bets (the markets and ledger routes, later). */
  BETTOR,
  /** Creates streams and manages the ones they created. */
  BROADCASTER,
  /** Runs the platform: every stream, metrics and system views. */
  OPERATOR,
  /** Grants roles; passes every role check. */
  ADMIN;

  /** Returns the name used in tokens and JSON, e.g. {@code broadcaster}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the role with this wire name, if there is one. */
  public static Optional<Role> parse(String wireName) {
    for (Role role : values()) {
      if (role.wireName().equals(wireName)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
