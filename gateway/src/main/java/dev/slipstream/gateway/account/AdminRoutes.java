package dev.slipstream.gateway.account;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Account;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import io.javalin.config.RoutesConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What admins do with accounts: {@code GET /api/admin/users?email=} finds one, {@code POST
 * /api/admin/users/{id}/roles {"grant":[…],"revoke":[…]}} changes its roles (in effect at the
 * user's next refresh). An admin cannot revoke their own admin role, so the last one cannot lock
 * everyone out by mistake.
 */
public final class AdminRoutes {
  private AdminRoutes() {}

  /** The body of a role change. */
  record RoleChange(@Nullable List<String> grant, @Nullable List<String> revoke) {}

  /** Registers the routes. */
  public static void register(RoutesConfig routes, Accounts accounts) {
    register(routes, accounts, null);
  }

  /** Registers the routes, writing every role change to {@code audit} when given. */
  public static void register(RoutesConfig routes, Accounts accounts, @Nullable AuditLog audit) {
    routes.get(
        "/api/admin/users",
        ctx -> {
          String email = ctx.queryParam("email");
          if (email == null || email.isBlank()) {
            throw new InvalidInputException("invalid_email", "give ?email= to find an account");
          }
          ctx.header("Cache-Control", "no-store");
          ctx.json(
              AccountView.of(
                  accounts
                      .findByEmail(email)
                      .orElseThrow(
                          () ->
                              new NotFoundException(
                                  "user_not_found", "no account has that email"))));
        },
        Access.ADMIN);
    routes.post(
        "/api/admin/users/{id}/roles",
        ctx -> {
          RoleChange body = JsonBodies.read(ctx, RoleChange.class);
          Set<Role> grant = roles(body.grant());
          Set<Role> revoke = roles(body.revoke());
          if (grant.isEmpty() && revoke.isEmpty()) {
            throw new InvalidInputException(
                "invalid_role_change",
                "name roles to grant or revoke: {\"grant\":[\"broadcaster\"]}");
          }
          String id = ctx.pathParam("id");
          if (revoke.contains(Role.ADMIN) && id.equals(Callers.of(ctx).userId())) {
            throw new ConflictException(
                "cannot_revoke_own_admin", "an admin cannot revoke their own admin role");
          }
          Account changed = accounts.changeRoles(id, grant, revoke);
          if (audit != null) {
            audit.record(
                Callers.of(ctx).userId(),
                "roles.changed",
                "user:" + id,
                Map.of(
                    "granted", grant.stream().map(Role::wireName).sorted().toList(),
                    "revoked", revoke.stream().map(Role::wireName).sorted().toList()));
          }
          ctx.json(AccountView.of(changed));
        },
        Access.ADMIN);
  }

  private static Set<Role> roles(@Nullable List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names == null) {
      return roles;
    }
    for (String name : names) {
      roles.add(
          Role.parse(name == null ? "" : name)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "invalid_role",
                          "roles are viewer, bettor, broadcaster, operator and admin (was "
                              + name
                              + ")")));
    }
    return roles;
  }
}
