package dev.slipstream.gateway;

import com.fasterxml.jackson.core.JacksonException;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.AccessGuard;
import dev.slipstream.gateway.access.Cors;
import dev.slipstream.gateway.access.RouteRule;
import dev.slipstream.gateway.account.AccountDataRoutes;
import dev.slipstream.gateway.account.AccountRoutes;
import dev.slipstream.gateway.account.AdminRoutes;
import dev.slipstream.gateway.auth.AccessDeniedException;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.AuthServices;
import dev.slipstream.gateway.auth.StreamAccess;
import dev.slipstream.gateway.auth.TooManyAttemptsException;
import dev.slipstream.gateway.http.JsonMapping;
import dev.slipstream.gateway.http.Problem;
import dev.slipstream.gateway.http.RejectionStatus;
import dev.slipstream.gateway.http.RequestMetrics;
import dev.slipstream.gateway.live.LiveRoutes;
import dev.slipstream.gateway.media.SnapshotRoutes;
import dev.slipstream.gateway.media.WhipWhepRoutes;
import dev.slipstream.gateway.ops.HealthRoutes;
import dev.slipstream.gateway.ops.MetricsRoutes;
import dev.slipstream.gateway.ops.SystemRoutes;
import dev.slipstream.gateway.streams.PlayAccessRoutes;
import dev.slipstream.gateway.streams.StreamRoutes;
import dev.slipstream.gateway.wallet.MoneyRoutes;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.gateway.wallet.Sightings;
import dev.slipstream.gateway.webapp.WebAppRoutes;
import dev.slipstream.platform.RejectedException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.Roles;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door of Slipstream: health, metrics, accounts, the REST API and the web app, on
 * Jetty with virtual threads. Every route declares its {@link Access}, checked before its handler
 * runs. Start one with {@link #start}; {@link #close} stops it.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final Javalin app;
  private final String host;
  private final List<AutoCloseable> closeWithServer;

  private Gateway(Javalin app, String host, List<AutoCloseable> closeWithServer) {
    this.app = app;
    this.host = host;
    this.closeWithServer = closeWithServer;
  }

  /**
   * Starts listening with {@code settings}, serving {@code services}.
   *
   * @throws GatewayStartException when the address cannot be bound (e.g. the port is in use)
   */
  public static Gateway start(GatewaySettings settings, GatewayServices services) {
    requireFreePort(settings);
    List<AutoCloseable> closeWithServer = new ArrayList<>();
    Javalin app = Javalin.create(config -> configure(config, settings, services, closeWithServer));
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      app.stop();
      closeAll(closeWithServer);
      throw new GatewayStartException(bindFailure(settings, e), e);
    }
    return new Gateway(app, settings.host(), closeWithServer);
  }

  private static void configure(
      JavalinConfig config,
      GatewaySettings settings,
      GatewayServices services,
      List<AutoCloseable> closeWithServer) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.http.maxRequestSize = settings.maxRequestBytes();
    config.jsonMapper(new JavalinJackson(JsonMapping.newMapper(), true));

    var routes = config.routes;
    RequestMetrics.install(routes, services.metrics());
    routes.before(
        ctx -> {
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("X-Frame-Options", "DENY");
          ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        });
    Cors.install(routes, settings.corsOrigins());
    AuthServices auth = services.auth();
    Accounts accounts = auth == null ? null : auth.accounts();
    StreamAccess streamAccess = auth == null ? null : auth.streamAccess();
    // Who may call comes first, before anything about the body is judged.
    AccessGuard.install(routes, accounts, streamAccess);
    routes.beforeMatched(
        "/api/*",
        ctx -> {
          String type = ctx.contentType();
          String method = ctx.method().name();
          boolean sdpEndpoint = ctx.path().endsWith("/whip") || ctx.path().endsWith("/whep");
          if ((method.equals("POST") || method.equals("PUT"))
              && !sdpEndpoint
              && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            throw new HttpResponseException(415, "send the body as application/json");
          }
        });
    HealthRoutes.register(routes, services.healthChecks());
    MetricsRoutes.register(routes, services.metrics());
    SystemRoutes.register(routes, services.system(), services.clock());
    StreamRoutes.register(routes, services.streams(), streamAccess);
    MoneyServices money = services.money();
    Sightings sightings = money == null ? null : new Sightings(money);
    if (accounts != null && streamAccess != null) {
      AccountRoutes.register(routes, accounts, services.clock(), services.random(), sightings);
      AdminRoutes.register(routes, accounts, money == null ? null : money.audit());
      AccountDataRoutes.register(routes, accounts, money, services.clock());
      if (money != null && sightings != null) {
        MoneyRoutes.register(routes, money, accounts, sightings);
      }
      PlayAccessRoutes.register(routes, services.streams(), streamAccess);
    }
    if (services.media() != null) {
      WhipWhepRoutes.register(routes, services.media(), services.streams(), streamAccess);
      SnapshotRoutes.register(routes, services.media(), services.clock());
    }
    if (services.live() != null) {
      closeWithServer.add(
          LiveRoutes.register(
              routes, services.live(), accounts, settings.corsOrigins(), services.clock()));
    }
    WebAppRoutes.register(config);

    routes.exception(
        RejectedException.class,
        (e, ctx) -> {
          var status = RejectionStatus.of(e);
          if (status.code() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
          }
          Problem.send(ctx, status.code(), e.code(), status.title(), e.getMessage());
        });
    routes.exception(
        AccessDeniedException.class,
        (e, ctx) -> Problem.send(ctx, 403, e.code(), "Forbidden", e.getMessage()));
    routes.exception(
        TooManyAttemptsException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
          Problem.send(ctx, 429, "too_many_attempts", "Too many attempts", e.getMessage());
        });
    routes.exception(
        JacksonException.class,
        (e, ctx) ->
            Problem.send(
                ctx,
                400,
                "malformed_json",
                "Malformed JSON",
                "the body is not the JSON this endpoint takes: " + e.getOriginalMessage()));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            Problem.send(
                ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage(), e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          Problem.send(
              ctx,
              500,
              "internal_error",
              "Internal error",
              "the server failed; it has been logged");
        });
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 413 -> "request_too_large";
      case 412 -> "precondition_failed";
      case 415 -> "unsupported_media_type";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
  }

  /**
   * Binds and releases the address once, so that a port in use is reported in one sentence before
   * Jetty (which logs a stack trace of its own) tries.
   */
  private static void requireFreePort(GatewaySettings settings) {
    if (settings.port() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(settings.host(), settings.port()));
    } catch (IOException e) {
      throw new GatewayStartException(bindFailure(settings, e), e);
    }
  }

  private static String bindFailure(GatewaySettings settings, Exception e) {
    String where = settings.host() + ":" + settings.port();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return "cannot listen on " + where + ": the port is already in use by another program";
      }
    }
    return "cannot listen on " + where + ": " + e.getMessage();
  }

  /**
   * Returns every route the gateway serves with its {@link Access} (null for a route registered
   * without one, which the guard refuses): the route table tests walk and API documents list.
   */
  public List<RouteRule> routeTable() {
    Set<HandlerType> methods =
        Set.of(
            HandlerType.GET,
            HandlerType.POST,
            HandlerType.PUT,
            HandlerType.PATCH,
            HandlerType.DELETE,
            HandlerType.HEAD,
            HandlerType.OPTIONS);
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> methods.contains(endpoint.method))
        .map(
            endpoint -> {
              Roles roles = endpoint.metadata(Roles.class);
              return new RouteRule(
                  endpoint.method.name(),
                  endpoint.path,
                  AccessGuard.accessOf(roles == null ? Set.of() : roles.getRoles()));
            })
        .toList();
  }

  /** Returns the port the gateway listens on (the real one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** Returns the base URL to reach the gateway from this machine. */
  public URI baseUri() {
    String reachable = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    return URI.create("http://" + reachable + ":" + port());
  }

  /** Stops accepting requests and closes the server. */
  @Override
  public void close() {
    app.stop();
    closeAll(closeWithServer);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed", resource, e);
      }
    }
  }
}
