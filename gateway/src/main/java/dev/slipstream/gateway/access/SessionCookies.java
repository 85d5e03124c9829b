package dev.slipstream.gateway.access;

import dev.slipstream.gateway.auth.AccessDeniedException;
import dev.slipstream.gateway.auth.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The web app's session as cookies, an alternative to the {@code Authorization} header: the access
 * token ({@value #ACCESS}, path {@code /}) and the refresh token ({@value #REFRESH}, only sent to
 * {@code /api/auth}) are HttpOnly, SameSite=Strict, and Secure when the request came over TLS.
 *
 * <p>Cookies travel by themselves, so a request authenticated by cookie with an unsafe method must
 * also prove it was made by our page: the double-submit token. {@value #CSRF} is a readable cookie
 * the page copies into the {@value #CSRF_HEADER} header; another site can neither read the cookie
 * nor set the header.
 */
public final class SessionCookies {
  /** The access-token cookie. */
  public static final String ACCESS = "slipstream_access";

  /** The refresh-token cookie. */
  public static final String REFRESH = "slipstream_refresh";

  /** The readable CSRF cookie. */
  public static final String CSRF = "slipstream_csrf";

  /** The header that must repeat the CSRF cookie. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String REFRESH_PATH = "/api/auth";

  private SessionCookies() {}

  /** Sets the three cookies for {@code session} and returns the new CSRF token. */
  public static String set(Context ctx, SignedIn session, Instant now, RandomGenerator random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    int refreshAge = seconds(now, session.refreshExpiresAt());
    ctx.cookie(
        cookie(
            ctx,
            ACCESS,
            session.accessToken(),
            "/",
            seconds(now, session.accessExpiresAt()),
            true));
    ctx.cookie(cookie(ctx, REFRESH, session.refreshToken(), REFRESH_PATH, refreshAge, true));
    ctx.cookie(cookie(ctx, CSRF, csrf, "/", refreshAge, false));
    return csrf;
  }

  /** Removes the three cookies. */
  public static void clear(Context ctx) {
    ctx.cookie(cookie(ctx, ACCESS, "", "/", 0, true));
    ctx.cookie(cookie(ctx, REFRESH, "", REFRESH_PATH, 0, true));
    ctx.cookie(cookie(ctx, CSRF, "", "/", 0, false));
  }

  /**
   * Refuses a cookie-authenticated request whose {@value #CSRF_HEADER} header does not repeat the
   * {@value #CSRF} cookie.
   *
   * @throws AccessDeniedException {@code csrf_token_missing} or {@code csrf_token_mismatch}
   */
  public static void requireCsrf(Context ctx) {
    String cookie = ctx.cookie(CSRF);
    String header = ctx.header(CSRF_HEADER);
    if (cookie == null || cookie.isEmpty() || header == null || header.isEmpty()) {
      throw new AccessDeniedException(
          "csrf_token_missing",
          "a request signed in by cookie must repeat the "
              + CSRF
              + " cookie in the "
              + CSRF_HEADER
              + " header");
    }
    if (!MessageDigest.isEqual(
        cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
      throw new AccessDeniedException(
          "csrf_token_mismatch",
          "the " + CSRF_HEADER + " header does not match the " + CSRF + " cookie");
    }
  }

  /** Says whether a method changes state, so a cookie request needs the CSRF token. */
  static boolean unsafe(String method) {
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }

  private static Cookie cookie(
      Context ctx, String name, String value, String path, int maxAge, boolean httpOnly) {
    Cookie cookie = new Cookie(name, value, path, maxAge, false, httpOnly, null, SameSite.STRICT);
    cookie.setSecure("https".equalsIgnoreCase(ctx.scheme()));
    cookie.setHttpOnly(httpOnly);
    return cookie;
  }

  private static int seconds(Instant now, Instant until) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Duration.between(now, until).toSeconds()));
  }
}
