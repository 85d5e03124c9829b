package dev.slipstream.gateway.guard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets each client address hold a limited number of WebSockets on one path. An upgrade over the cap
 * is refused with 429 before the handshake; a socket is counted from its connect to its close or
 * error (whichever comes first), so the cap holds give or take handshakes running at once.
 */
public final class LiveSocketCap {
  private static final String COUNTED = "slipstream.guard.socket-counted";

  private final AddressConnections sockets;

  private LiveSocketCap(int cap) {
    this.sockets = new AddressConnections(cap);
  }

  /** Caps the sockets each address may hold on {@code path} at {@code cap} (0: no cap). */
  public static void install(RoutesConfig routes, String path, int cap) {
    if (cap == 0) {
      return;
    }
    LiveSocketCap guard = new LiveSocketCap(cap);
    routes.wsBeforeUpgrade(path, guard::beforeUpgrade);
    routes.wsAfter(
        path,
        ws -> {
          ws.onConnect(guard::connected);
          ws.onClose(guard::gone);
          ws.onError(guard::gone);
        });
  }

  private void beforeUpgrade(Context ctx) throws UnknownHostException {
    // The remote address is an IP literal, so no name is looked up.
    InetAddress address = InetAddress.getByName(ctx.ip());
    if (sockets.full(address)) {
      ctx.header("Retry-After", "1");
      throw new HttpResponseException(
          429,
          "this address already holds "
              + sockets.cap()
              + " live sockets, the most allowed; close one first");
    }
  }

  private void connected(WsContext ctx) {
    InetAddress address = remote(ctx);
    if (!sockets.tryOpen(address)) {
      ctx.closeSession(1008, "too many live sockets from this address");
      return;
    }
    ctx.attribute(COUNTED, new Counted(address, new AtomicBoolean(true)));
  }

  private void gone(WsContext ctx) {
    // The address is the one kept at connect: a closed session may no longer know its peer.
    Counted counted = ctx.attribute(COUNTED);
    if (counted != null && counted.open().compareAndSet(true, false)) {
      sockets.closed(counted.address());
    }
  }

  private record Counted(InetAddress address, AtomicBoolean open) {}

  private static InetAddress remote(WsContext ctx) {
    return ((InetSocketAddress) ctx.session.getRemoteSocketAddress()).getAddress();
  }
}
