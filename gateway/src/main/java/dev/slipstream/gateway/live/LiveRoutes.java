package dev.slipstream.gateway.live;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.SessionCookies;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.platform.RejectedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsHandlerType;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Serves the live socket at {@code GET /api/live}.
 *
 * <p>The upgrade is checked before it happens: a page from another origin than this server or the
 * CORS allow-list is refused (403), because browsers send cookies with cross-site WebSocket
 * upgrades; an access token, if one is presented (the {@code access_token} query parameter, the
 * {@code Authorization: Bearer} header, or the session cookie), must be valid (401 otherwise). No
 * token opens an anonymous socket, which may follow public stream topics only.
 *
 * <p>Frames are binary protobuf unless the client asks for JSON with {@code ?format=json} or the
 * subprotocol {@value #JSON_PROTOCOL}.
 */
public final class LiveRoutes {
  /** The path of the live socket. */
  public static final String PATH = "/api/live";

  /** The subprotocol that asks for JSON frames. */
  public static final String JSON_PROTOCOL = "slipstream.v1.json";

  private static final String WHO = "slipstream.live.caller";
  private static final String FORMAT = "slipstream.live.format";
  private static final String SOCKET = "slipstream.live.socket";

  private LiveRoutes() {}

  /**
   * Registers the socket and {@code GET /api/wallet}; returns what must be closed with the server
   * (the topic fan-outs).
   */
  public static AutoCloseable register(
      RoutesConfig routes,
      LiveServices services,
      @Nullable Accounts accounts,
      List<String> corsOrigins,
      InstantSource clock) {
    LiveHub hub = new LiveHub(services, accounts, clock);
    Set<String> allowedOrigins = Set.copyOf(corsOrigins);
    routes.wsBeforeUpgrade(PATH, ctx -> beforeUpgrade(ctx, accounts, allowedOrigins));
    routes.addWsHandler(WsHandlerType.WEBSOCKET, PATH, ws -> configure(ws, hub), Access.ANYONE);
    WalletRoutes.register(routes, services.ledger());
    return hub;
  }

  private static void beforeUpgrade(
      Context ctx, @Nullable Accounts accounts, Set<String> allowedOrigins) {
    String origin = ctx.header("Origin");
    if (origin != null && !allowedOrigins.contains(origin) && !origin.equals(ownOrigin(ctx))) {
      throw new HttpResponseException(
          403, "this server does not take live sockets from pages of " + origin);
    }
    WireFormat format = WireFormat.parse(ctx.queryParam("format"));
    if (format == null) {
      throw new HttpResponseException(400, "format must be protobuf or json");
    }
    String protocols = ctx.header("Sec-WebSocket-Protocol");
    if (protocols != null && protocols.contains(JSON_PROTOCOL)) {
      format = WireFormat.JSON;
    }
    ctx.attribute(FORMAT, format);
    String token = token(ctx);
    if (token == null) {
      ctx.attribute(WHO, SocketCaller.ANONYMOUS);
      return;
    }
    if (accounts == null) {
      throw new HttpResponseException(401, "this server has no accounts, so nobody can sign in");
    }
    try {
      Caller caller = accounts.authenticate(token);
      ctx.attribute(WHO, new SocketCaller(caller, token));
    } catch (RejectedException e) {
      throw new HttpResponseException(401, e.getMessage());
    }
  }

  private static @Nullable String token(Context ctx) {
    String query = ctx.queryParam("access_token");
    if (query != null && !query.isEmpty()) {
      return query;
    }
    String header = ctx.header("Authorization");
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new HttpResponseException(
            401, "send the access token as Authorization: Bearer <token>");
      }
      return header.substring(7).strip();
    }
    String cookie = ctx.cookie(SessionCookies.ACCESS);
    return cookie == null || cookie.isEmpty() ? null : cookie;
  }

  private static String ownOrigin(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static void configure(WsConfig ws, LiveHub hub) {
    LiveSettings settings = hub.settings();
    ws.onConnect(
        ctx -> {
          ctx.session.setIdleTimeout(settings.idleTimeout());
          ctx.session.setMaxBinaryMessageSize(settings.maxFrameBytes());
          ctx.session.setMaxTextMessageSize(settings.maxFrameBytes());
          ctx.enableAutomaticPings(settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
          SocketCaller who = ctx.attribute(WHO);
          WireFormat format = ctx.attribute(FORMAT);
          Outbox outbox =
              new Outbox(
                  new JettySink(ctx.session),
                  format == null ? WireFormat.PROTOBUF : format,
                  settings.sendQueueFrames());
          ctx.attribute(
              SOCKET, new LiveSocket(hub, who == null ? SocketCaller.ANONYMOUS : who, outbox));
        });
    ws.onBinaryMessage(
        ctx -> {
          LiveSocket socket = socket(ctx);
          if (socket != null) {
            ByteBuffer data = ctx.data();
            byte[] frame = new byte[data.remaining()];
            data.get(frame);
            socket.onBinary(frame);
          }
        });
    ws.onMessage(
        ctx -> {
          LiveSocket socket = socket(ctx);
          if (socket != null) {
            socket.onText(ctx.message());
          }
        });
    ws.onClose(
        ctx -> {
          LiveSocket socket = socket(ctx);
          if (socket != null) {
            socket.closed();
          }
          ctx.disableAutomaticPings();
        });
    ws.onError(
        ctx -> {
          LiveSocket socket = socket(ctx);
          if (socket != null) {
            socket.closed();
          }
        });
  }

  private static @Nullable LiveSocket socket(WsContext ctx) {
    return ctx.attribute(SOCKET);
  }
}
