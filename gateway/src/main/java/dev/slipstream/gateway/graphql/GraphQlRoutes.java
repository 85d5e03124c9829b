package dev.slipstream.gateway.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.AccessGuard;
import dev.slipstream.gateway.access.SessionCookies;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.gateway.wallet.Sightings;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.RejectedException;
import graphql.ExecutionResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsHandlerType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * GraphQL at {@code /api/graphql}: {@code POST} with {@code {"query","variables","operationName"}}
 * for queries and mutations (GraphQL over HTTP: 200 with data, 400 for a document that does not
 * parse, validate or fit the limits), and a WebSocket speaking {@code graphql-transport-ws} (the
 * protocol of the {@code graphql-ws} library) for queries and subscriptions. Callers sign in as for
 * REST: a bearer token or the session cookie (with its CSRF token on POST), on the socket also in
 * the {@code connection_init} payload.
 */
public final class GraphQlRoutes {
  /** The endpoint's path, for HTTP and the WebSocket. */
  public static final String PATH = "/api/graphql";

  /** The WebSocket subprotocol of {@code graphql-ws}. */
  public static final String SUBPROTOCOL = "graphql-transport-ws";

  static final String RESPONSE_TYPE = "application/graphql-response+json; charset=utf-8";
  private static final String CALLER = "slipstream.graphql.caller";
  private static final String SESSION = "slipstream.graphql.session";
  private static final String ADDRESS = "slipstream.graphql.address";
  private static final String DEVICE = "slipstream.graphql.device";

  private GraphQlRoutes() {}

  /** Registers the HTTP route and the WebSocket. */
  public static void register(
      RoutesConfig routes, GraphQlApi api, @Nullable Accounts accounts, List<String> corsOrigins) {
    Set<String> origins = Set.copyOf(corsOrigins);
    routes.post(PATH, ctx -> http(ctx, api, accounts), Access.ANYONE);
    routes.wsBeforeUpgrade(PATH, ctx -> beforeUpgrade(ctx, accounts, origins));
    routes.addWsHandler(
        WsHandlerType.WEBSOCKET, PATH, ws -> configure(ws, api, accounts), Access.ANYONE);
  }

  private static void http(Context ctx, GraphQlApi api, @Nullable Accounts accounts)
      throws JsonProcessingException {
    Caller caller = AccessGuard.callerIfAny(ctx, accounts).orElse(null);
    GraphQlApi.Request request = JsonBodies.read(ctx, GraphQlApi.Request.class);
    if (request.query() == null || request.query().isBlank()) {
      throw new InvalidInputException(
          "invalid_graphql_request", "send the GraphQL document as {\"query\":\"…\"}");
    }
    ExecutionResult result =
        api.execute(request, caller, ctx.ip(), ctx.header(Sightings.DEVICE_HEADER));
    if (result.getData() instanceof Publisher<?>) {
      throw new InvalidInputException(
          "subscription_needs_websocket",
          "subscriptions run over the WebSocket " + PATH + " (subprotocol " + SUBPROTOCOL + ")");
    }
    boolean requestError = !result.getErrors().isEmpty() && !result.isDataPresent();
    ctx.status(requestError ? 400 : 200);
    ctx.json(result.toSpecification());
    ctx.contentType(RESPONSE_TYPE);
  }

  private static void beforeUpgrade(
      Context ctx, @Nullable Accounts accounts, Set<String> allowedOrigins) {
    String origin = ctx.header("Origin");
    String own = ctx.scheme() + "://" + ctx.host();
    if (origin != null && !allowedOrigins.contains(origin) && !origin.equals(own)) {
      throw new HttpResponseException(
          403, "this server does not take GraphQL sockets from pages of " + origin);
    }
    String protocols = ctx.header("Sec-WebSocket-Protocol");
    if (protocols == null
        || List.of(protocols.split(",")).stream()
            .map(String::strip)
            .noneMatch(SUBPROTOCOL::equals)) {
      throw new HttpResponseException(
          400, "ask for the WebSocket subprotocol " + SUBPROTOCOL + " (the graphql-ws protocol)");
    }
    ctx.header("Sec-WebSocket-Protocol", SUBPROTOCOL);
    ctx.attribute(ADDRESS, ctx.ip());
    String device = ctx.header(Sightings.DEVICE_HEADER);
    if (device != null) {
      ctx.attribute(DEVICE, device);
    }
    try {
      // A cookie on the upgrade needs no CSRF token: the Origin check above stands in for it.
      String cookie = ctx.cookie(SessionCookies.ACCESS);
      String header = ctx.header("Authorization");
      if (header != null || (cookie != null && !cookie.isEmpty())) {
        AccessGuard.callerIfAny(ctx, accounts).ifPresent(caller -> ctx.attribute(CALLER, caller));
      }
    } catch (RejectedException e) {
      throw new HttpResponseException(401, e.getMessage());
    }
  }

  private static void configure(WsConfig ws, GraphQlApi api, @Nullable Accounts accounts) {
    ws.onConnect(
        ctx -> {
          ctx.session.setMaxTextMessageSize(GraphQlWsSession.MAX_MESSAGE_BYTES);
          ctx.session.setMaxBinaryMessageSize(GraphQlWsSession.MAX_MESSAGE_BYTES);
          ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
          GraphQlWsSession session =
              new GraphQlWsSession(
                  new WsPeer(ctx),
                  api,
                  accounts,
                  ctx.attribute(CALLER),
                  origin(ctx.attribute(ADDRESS), ctx.attribute(DEVICE)));
          ctx.attribute(SESSION, session);
          session.start();
        });
    ws.onMessage(
        ctx -> {
          GraphQlWsSession session = ctx.attribute(SESSION);
          if (session != null) {
            session.onText(ctx.message());
          }
        });
    ws.onBinaryMessage(
        ctx -> {
          GraphQlWsSession session = ctx.attribute(SESSION);
          if (session != null) {
            session.onBinary();
          }
        });
    ws.onClose(ctx -> closed(ctx));
    ws.onError(ctx -> closed(ctx));
  }

  private static CallerContext.Origin origin(@Nullable String address, @Nullable String device) {
    return address == null
        ? CallerContext.Origin.UNKNOWN
        : new CallerContext.Origin(address, device);
  }

  private static void closed(WsContext ctx) {
    GraphQlWsSession session = ctx.attribute(SESSION);
    if (session != null) {
      session.closed();
    }
    ctx.disableAutomaticPings();
  }

  /** The socket as the session sees it: text out, close with a code. */
  private record WsPeer(WsContext ctx) implements GraphQlWsSession.Peer {
    @Override
    public void send(String text) {
      synchronized (this.ctx) {
        if (ctx.session.isOpen()) {
          ctx.send(text);
        }
      }
    }

    @Override
    public void close(int code, String reason) {
      synchronized (this.ctx) {
        if (ctx.session.isOpen()) {
          ctx.closeSession(code, reason);
        }
      }
    }
  }
}
