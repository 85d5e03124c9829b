package dev.slipstream.gateway.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.access.SessionCookies;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.SignedIn;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.gateway.wallet.Sightings;
import dev.slipstream.ledger.fraud.SightingEvent;
import dev.slipstream.platform.UnauthorizedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Registration and sessions: {@code POST /api/auth/register|login|refresh|logout} and {@code GET
 * /api/me}. Tokens come back in the body by default (API clients); with {@code "useCookies":true}
 * at login they are set as HttpOnly cookies instead and the body carries only the CSRF token (the
 * web app). Refresh and logout take the refresh token from the body, or else from its cookie, and
 * then need the CSRF header like any cookie request.
 */
public final class AccountRoutes {
  private AccountRoutes() {}

  /** The body of register. */
  record Register(String email, String password, String displayName) {}

  /** The body of login. */
  record Login(String email, String password, @Nullable Boolean useCookies) {}

  /** The body of refresh and logout; empty to use the cookie. */
  record RefreshBody(@Nullable String refreshToken) {}

  /** The answer to login and refresh with tokens in the body. */
  record TokensView(
      String tokenType,
      String accessToken,
      Instant accessExpiresAt,
      long expiresIn,
      String refreshToken,
      Instant refreshExpiresAt,
      AccountView user) {}

  /** The answer to login and refresh with tokens in cookies. */
  record CookieSessionView(
      Instant accessExpiresAt, Instant refreshExpiresAt, String csrfToken, AccountView user) {}

  /** Registers the routes. */
  public static void register(
      RoutesConfig routes, Accounts accounts, InstantSource clock, RandomGenerator random) {
    register(routes, accounts, clock, random, null);
  }

  /**
   * Registers the routes, recording the device and address of each registration and sign-in in
   * {@code sightings} (for the fraud rules) when given.
   */
  public static void register(
      RoutesConfig routes,
      Accounts accounts,
      InstantSource clock,
      RandomGenerator random,
      @Nullable Sightings sightings) {
    routes.post(
        "/api/auth/register",
        ctx -> {
          Sightings.requireValidDevice(ctx);
          Register body = JsonBodies.read(ctx, Register.class);
          var account = accounts.register(body.email(), body.password(), body.displayName());
          if (sightings != null) {
            sightings.record(ctx, account.id(), SightingEvent.REGISTRATION);
          }
          ctx.status(201).header("Location", "/api/me").json(AccountView.of(account));
        },
        Access.ANYONE);
    routes.post(
        "/api/auth/login",
        ctx -> {
          Sightings.requireValidDevice(ctx);
          Login body = JsonBodies.read(ctx, Login.class);
          SignedIn session = accounts.login(body.email(), body.password());
          if (sightings != null) {
            sightings.record(ctx, session.account().id(), SightingEvent.LOGIN);
          }
          answer(ctx, session, Boolean.TRUE.equals(body.useCookies()), clock, random);
        },
        Access.ANYONE);
    routes.post(
        "/api/auth/refresh",
        ctx -> {
          Presented token = presented(ctx);
          answer(ctx, accounts.refresh(token.value()), token.fromCookie(), clock, random);
        },
        Access.ANYONE);
    routes.post(
        "/api/auth/logout",
        ctx -> {
          Presented token = presented(ctx);
          accounts.logout(token.value());
          if (token.fromCookie()) {
            SessionCookies.clear(ctx);
          }
          ctx.status(204);
        },
        Access.ANYONE);
    routes.get(
        "/api/me",
        ctx -> {
          ctx.header("Cache-Control", "no-store");
          ctx.json(AccountView.of(accounts.account(Callers.of(ctx).userId())));
        },
        Access.SIGNED_IN);
  }

  private record Presented(String value, boolean fromCookie) {}

  private static Presented presented(Context ctx) throws JsonProcessingException {
    RefreshBody body = JsonBodies.read(ctx, RefreshBody.class);
    if (body.refreshToken() != null) {
      return new Presented(body.refreshToken(), false);
    }
    String cookie = ctx.cookie(SessionCookies.REFRESH);
    if (cookie == null || cookie.isEmpty()) {
      throw new UnauthorizedException(
          "invalid_refresh_token",
          "send {\"refreshToken\":\"…\"} or the " + SessionCookies.REFRESH + " cookie");
    }
    SessionCookies.requireCsrf(ctx);
    return new Presented(cookie, true);
  }

  private static void answer(
      Context ctx, SignedIn session, boolean cookies, InstantSource clock, RandomGenerator random) {
    ctx.header("Cache-Control", "no-store");
    AccountView user = AccountView.of(session.account());
    if (cookies) {
      String csrf = SessionCookies.set(ctx, session, clock.instant(), random);
      ctx.json(
          new CookieSessionView(session.accessExpiresAt(), session.refreshExpiresAt(), csrf, user));
      return;
    }
    ctx.json(
        new TokensView(
            "Bearer",
            session.accessToken(),
            session.accessExpiresAt(),
            Math.max(
                0, session.accessExpiresAt().getEpochSecond() - clock.instant().getEpochSecond()),
            session.refreshToken(),
            session.refreshExpiresAt(),
            user));
  }
}
