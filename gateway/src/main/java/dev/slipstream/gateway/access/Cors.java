package dev.slipstream.gateway.access;

import dev.slipstream.gateway.http.Problem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access for the configured origins only (exact {@code scheme://host[:port]} matches),
 * with credentials, so a web app served elsewhere can call the API with its cookies. Preflights
 * ({@code OPTIONS} with {@code Access-Control-Request-Method}) are answered here: 204 for an
 * allowed origin, 403 {@code cors_origin_not_allowed} otherwise. Requests from other origins get no
 * CORS headers, so browsers keep their answers from the calling page.
 */
public final class Cors {
  private static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
  private static final String ALLOW_HEADERS =
      "Authorization, Content-Type, If-Match, " + SessionCookies.CSRF_HEADER;
  private static final String EXPOSE_HEADERS =
      "Location, ETag, Retry-After, Slipstream-Media-Time-Us";

  private Cors() {}

  /** Installs the CORS handling for {@code origins}. */
  public static void install(RoutesConfig routes, List<String> origins) {
    Set<String> allowed = Set.copyOf(origins);
    routes.before(ctx -> handle(ctx, allowed));
  }

  private static void handle(Context ctx, Set<String> allowed) {
    String origin = ctx.header("Origin");
    boolean preflight =
        "OPTIONS".equals(ctx.method().name())
            && origin != null
            && ctx.header("Access-Control-Request-Method") != null;
    if (origin == null) {
      return;
    }
    ctx.header("Vary", "Origin");
    if (!allowed.contains(origin)) {
      if (preflight) {
        Problem.send(
            ctx,
            403,
            "cors_origin_not_allowed",
            "Origin not allowed",
            "this server does not take cross-origin requests from " + origin);
        ctx.skipRemainingHandlers();
      }
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Allow-Credentials", "true");
    ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    if (preflight) {
      ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
      ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }
}
