package dev.slipstream.gateway.access;

import dev.slipstream.gateway.auth.AccessDeniedException;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.auth.StreamAccess;
import dev.slipstream.platform.UnauthorizedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks every matched route's {@link Access} before its handler runs: finds the caller (bearer
 * access token, else the session cookie plus its CSRF token for unsafe methods), then the role or
 * stream ownership the route needs. A route without exactly one {@code Access} is refused, so
 * forgetting one fails closed. Static files of the web app are not routes and stay public.
 *
 * <p>Without accounts (a gateway started with no {@code AuthServices}) every route that needs a
 * caller is refused: nobody can sign in, so nobody passes.
 */
public final class AccessGuard {
  private final @Nullable Accounts accounts;
  private final @Nullable StreamAccess streamAccess;

  private AccessGuard(@Nullable Accounts accounts, @Nullable StreamAccess streamAccess) {
    this.accounts = accounts;
    this.streamAccess = streamAccess;
  }

  /** Installs the guard on every matched route. */
  public static void install(
      RoutesConfig routes, @Nullable Accounts accounts, @Nullable StreamAccess streamAccess) {
    AccessGuard guard = new AccessGuard(accounts, streamAccess);
    routes.beforeMatched(guard::check);
  }

  /** Returns the one {@link Access} among a route's roles, or null when it has none or several. */
  public static @Nullable Access accessOf(java.util.Collection<? extends RouteRole> roles) {
    List<Access> found =
        roles.stream().filter(Access.class::isInstance).map(Access.class::cast).toList();
    return found.size() == 1 ? found.getFirst() : null;
  }

  /**
   * Returns the caller of a route open to anyone that still serves signed-in callers more (such as
   * GraphQL): empty without credentials, else checked exactly as a protected route checks them
   * (bearer token, or the session cookie plus its CSRF token for unsafe methods).
   *
   * @throws UnauthorizedException when credentials are sent but are not valid
   */
  public static Optional<Caller> callerIfAny(Context ctx, @Nullable Accounts accounts) {
    String cookie = ctx.cookie(SessionCookies.ACCESS);
    if (ctx.header("Authorization") == null && (cookie == null || cookie.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new AccessGuard(accounts, null).authenticate(ctx));
  }

  private void check(Context ctx) {
    if (ctx.endpoints().matchedHttpEndpoint() == null) {
      // A static file of the web app: Javalin runs before-matched handlers for those too, and they
      // are public by nature (no route, so no access rule).
      return;
    }
    Access access = accessOf(ctx.routeRoles());
    if (access == null) {
      throw new AccessDeniedException(
          "forbidden", "this route declares no access rule, so nobody may call it");
    }
    switch (access) {
      case Access.Anyone a -> {}
      case Access.PublishKey p -> {}
      case Access.PlayToken p -> {}
      case Access.SignedIn s -> authenticate(ctx);
      case Access.AnyRole r -> {
        Caller caller = authenticate(ctx);
        if (!caller.actsAsAny(r.roles())) {
          throw new AccessDeniedException(
              "forbidden",
              "this needs the role "
                  + String.join(" or ", r.roles().stream().sorted().map(Role::wireName).toList()));
        }
      }
      case Access.StreamManager m -> {
        Caller caller = authenticate(ctx);
        if (caller.actsAs(Role.OPERATOR)) {
          return;
        }
        if (!caller.actsAs(Role.BROADCASTER)) {
          throw new AccessDeniedException(
              "forbidden", "this needs the role broadcaster (owning the stream) or operator");
        }
        Optional<String> owner =
            streamAccess == null
                ? Optional.empty()
                : streamAccess.policy(ctx.pathParam("id")).ownerId();
        if (!owner.equals(Optional.of(caller.userId()))) {
          throw new AccessDeniedException(
              "not_stream_owner", "only the stream's owner or an operator may do this");
        }
      }
    }
  }

  private Caller authenticate(Context ctx) {
    if (accounts == null) {
      throw new UnauthorizedException(
          "authentication_required", "this server has no accounts, so nobody can sign in");
    }
    Caller caller;
    String header = ctx.header("Authorization");
    String cookie = ctx.cookie(SessionCookies.ACCESS);
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new UnauthorizedException(
            "invalid_token", "send the access token as Authorization: Bearer <token>");
      }
      caller = accounts.authenticate(header.substring(7).strip());
    } else if (cookie != null && !cookie.isEmpty()) {
      caller = accounts.authenticate(cookie);
      if (SessionCookies.unsafe(ctx.method().name())) {
        SessionCookies.requireCsrf(ctx);
      }
    } else {
      throw new UnauthorizedException(
          "authentication_required",
          "sign in (POST /api/auth/login) and send the access token as Authorization: Bearer"
              + " <token>, or the session cookie");
    }
    ctx.attribute(Callers.ATTRIBUTE, caller);
    return caller;
  }
}
