package dev.slipstream.gateway.account;

import dev.slipstream.gateway.auth.Account;
import dev.slipstream.gateway.auth.Role;
import java.time.Instant;
import java.util.List;

/** An account as the API shows it: roles by their wire names, sorted. */
record AccountView(
    String id, String email, String displayName, List<String> roles, Instant createdAt) {
  static AccountView of(Account a) {
    return new AccountView(
        a.id(),
        a.email(),
        a.displayName(),
        a.roles().stream().sorted().map(Role::wireName).toList(),
        a.createdAt());
  }
}
