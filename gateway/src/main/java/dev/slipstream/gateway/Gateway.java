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
import dev.slipstream.gateway.graphql.GraphQlApi;
import dev.slipstream.gateway.graphql.GraphQlRoutes;
import dev.slipstream.gateway.guard.ContentSecurityPolicy;
import dev.slipstream.gateway.guard.ListeningConnector;
import dev.slipstream.gateway.guard.LiveSocketCap;
import dev.slipstream.gateway.guard.RateLimiter;
import dev.slipstream.gateway.guard.RateLimiters;
import dev.slipstream.gateway.guard.RequestRateGuard;
import dev.slipstream.gateway.http.JsonMapping;
import dev.slipstream.gateway.http.Problem;
import dev.slipstream.gateway.http.ProblemErrorHandler;
import dev.slipstream.gateway.http.RejectionStatus;
import dev.slipstream.gateway.http.RequestMetrics;
import dev.slipstream.gateway.http.UnreadBodies;
import dev.slipstream.gateway.live.LiveRoutes;
import dev.slipstream.gateway.markets.AccountRiskRoutes;
import dev.slipstream.gateway.markets.BetRoutes;
import dev.slipstream.gateway.markets.MarketRoutes;
import dev.slipstream.gateway.markets.OperatorMarketRoutes;
import dev.slipstream.gateway.media.SnapshotRoutes;
import dev.slipstream.gateway.media.WhipWhepRoutes;
import dev.slipstream.gateway.openapi.OpenApiDocument;
import dev.slipstream.gateway.openapi.OpenApiRoutes;
import dev.slipstream.gateway.ops.AuditLogRoutes;
import dev.slipstream.gateway.ops.HealthRoutes;
import dev.slipstream.gateway.ops.MetricsRoutes;
import dev.slipstream.gateway.ops.PerformanceRoutes;
import dev.slipstream.gateway.ops.SystemRoutes;
import dev.slipstream.gateway.streams.PlayAccessRoutes;
import dev.slipstream.gateway.streams.StreamRoutes;
import dev.slipstream.gateway.streams.StreamViewRoutes;
import dev.slipstream.gateway.tls.ServingKeys;
import dev.slipstream.gateway.tls.TlsKeys;
import dev.slipstream.gateway.wallet.MoneyRoutes;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.gateway.wallet.Sightings;
import dev.slipstream.gateway.webapp.WebAppRoutes;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.platform.RejectedException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.Roles;
import io.javalin.websocket.WsHandlerType;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
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
  private final @Nullable ServingKeys keys;

  private Gateway(
      Javalin app, String host, List<AutoCloseable> closeWithServer, @Nullable ServingKeys keys) {
    this.app = app;
    this.host = host;
    this.closeWithServer = closeWithServer;
    this.keys = keys;
  }

  /**
   * Starts listening with {@code settings}, serving {@code services}.
   *
   * @throws GatewayStartException when the address cannot be bound (e.g. the port is in use), the
   *     TLS certificate cannot be read or the rate limits' Redis cannot be reached
   */
  public static Gateway start(GatewaySettings settings, GatewayServices services) {
    requireFreePort(settings);
    List<AutoCloseable> closeWithServer = new ArrayList<>();
    ServingKeys keys;
    RateLimiter limiter;
    try {
      keys = TlsKeys.load(settings.tls());
      limiter =
          settings.guard().redis() == null
              ? RateLimiters.inProcess(services.clock())
              : RateLimiters.redis(settings.guard().redis());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new GatewayStartException(e.getMessage(), e);
    }
    closeWithServer.add(limiter);
    AtomicReference<Gateway> self = new AtomicReference<>();
    Javalin app =
        Javalin.create(
            config -> {
              configure(config, settings, services, closeWithServer, keys, limiter);
              OpenApiRoutes.register(
                  config.routes,
                  () ->
                      OpenApiDocument.forRoutes(
                          self.get().routeTable(), self.get().webSocketRoutes()));
            });
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      app.stop();
      closeAll(closeWithServer);
      throw new GatewayStartException(bindFailure(settings, e), e);
    }
    Gateway gateway = new Gateway(app, settings.host(), closeWithServer, keys);
    log.info(
        "gateway on {} with {}{}",
        gateway.baseUri(),
        limiter.description(),
        keys == null ? "" : ", TLS certificate " + keys.certificate().getSubjectX500Principal());
    self.set(gateway);
    return gateway;
  }

  private static void configure(
      JavalinConfig config,
      GatewaySettings settings,
      GatewayServices services,
      List<AutoCloseable> closeWithServer,
      @Nullable ServingKeys keys,
      RateLimiter limiter) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.http.maxRequestSize = settings.maxRequestBytes();
    config.jsonMapper(new JavalinJackson(JsonMapping.newMapper(), true));
    // Requests Jetty refuses itself (bad URI, oversize headers) get problem documents too.
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
    config.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(new ProblemErrorHandler()));
    config.jetty.addConnector(
        (server, http) ->
            ListeningConnector.create(
                server, http, settings.host(), settings.port(), settings.guard(), keys));

    var routes = config.routes;
    RequestMetrics.install(routes, services.metrics());
    UnreadBodies.install(routes);
    routes.before(
        ctx -> {
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("X-Frame-Options", "DENY");
          ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
          ctx.header("Content-Security-Policy", ContentSecurityPolicy.DEFAULT);
          if (keys != null) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
          }
        });
    RequestRateGuard rateGuard =
        RequestRateGuard.installAddressCheck(routes, limiter, settings.guard());
    Cors.install(routes, settings.corsOrigins());
    AuthServices auth = services.auth();
    Accounts accounts = auth == null ? null : auth.accounts();
    StreamAccess streamAccess = auth == null ? null : auth.streamAccess();
    // Who may call comes first, before anything about the body is judged.
    AccessGuard.install(routes, accounts, streamAccess);
    rateGuard.installAccountCheck(routes);
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
    PerformanceRoutes.register(routes, services.metrics(), services.clock());
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
      if (money != null) {
        AuditLogRoutes.register(routes, money.audit());
      }
      PlayAccessRoutes.register(routes, services.streams(), streamAccess);
    }
    MarketService markets = services.markets();
    if (markets != null) {
      MarketRoutes.register(routes, markets, services.streams());
      OperatorMarketRoutes.register(routes, markets, services.streams());
      if (money != null) {
        BetRoutes.register(routes, markets, money);
        if (accounts != null) {
          AccountRiskRoutes.register(routes, markets, money, accounts);
        }
      }
    }
    if (services.views() != null) {
      StreamViewRoutes.register(routes, services.streams(), services.views());
    }
    if (services.media() != null) {
      WhipWhepRoutes.register(routes, services.media(), services.streams(), streamAccess);
      SnapshotRoutes.register(routes, services.media(), services.clock());
    }
    if (services.live() != null) {
      LiveSocketCap.install(routes, "/api/live", settings.guard().maxLiveSocketsPerAddress());
      closeWithServer.add(
          LiveRoutes.register(
              routes, services.live(), accounts, settings.corsOrigins(), services.clock()));
    }
    GraphQlRoutes.register(
        routes,
        new GraphQlApi(
            services.streams(),
            services.live() == null ? null : services.live().bus(),
            accounts,
            markets,
            money),
        accounts,
        settings.corsOrigins());
    WebAppRoutes.register(config, services.streams(), services.media() != null);

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
      case 429 -> "rate_limited";
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

  /** Returns every WebSocket route the gateway serves (method {@code GET}, the upgrade). */
  public List<RouteRule> webSocketRoutes() {
    return app.unsafe.internalRouter.allWsHandlers().stream()
        .filter(ws -> ws.getType() == WsHandlerType.WEBSOCKET)
        .map(ws -> new RouteRule("GET", ws.getPath(), AccessGuard.accessOf(ws.getRoles())))
        .toList();
  }

  /** Returns the port the gateway listens on (the real one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** Returns the base URL to reach the gateway from this machine. */
  public URI baseUri() {
    String reachable = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    return URI.create((keys == null ? "http" : "https") + "://" + reachable + ":" + port());
  }

  /** Returns the certificate the gateway serves TLS with, or null when it serves plain HTTP. */
  public @Nullable X509Certificate certificate() {
    return keys == null ? null : keys.certificate();
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
