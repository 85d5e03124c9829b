package dev.slipstream.gateway.guard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A server connector that lets each client address hold a limited number of TCP connections. The
 * count goes up when Jetty makes an endpoint for an accepted socket and down when that endpoint
 * closes, whatever runs on it (HTTP/1.1, TLS, an upgraded WebSocket). A connection over the cap is
 * answered with a plain-text 429 and closed before any of its bytes are read; on a TLS connector
 * the client sees only the close, because the answer cannot be sent before a handshake.
 */
final class GuardedConnector extends ServerConnector {
  private static final String REFUSAL_BODY =
      "{\"type\":\"/problems/too_many_connections\",\"title\":\"Too many connections\","
          + "\"status\":429,\"code\":\"too_many_connections\","
          + "\"detail\":\"this address holds the most connections allowed; close one first\"}";
  private static final byte[] REFUSAL =
      ("HTTP/1.1 429 Too Many Requests\r\n"
              + "Content-Type: application/problem+json\r\n"
              + "Connection: close\r\n"
              + "Retry-After: 1\r\n"
              + "Content-Length: "
              + REFUSAL_BODY.length()
              + "\r\n\r\n"
              + REFUSAL_BODY)
          .getBytes(StandardCharsets.US_ASCII);

  private final AddressConnections connections;
  private final boolean plainText;

  GuardedConnector(
      Server server, int maxPerAddress, boolean plainText, ConnectionFactory... factories) {
    super(server, factories);
    this.connections = new AddressConnections(maxPerAddress);
    this.plainText = plainText;
  }

  @Override
  protected SocketChannelEndPoint newEndPoint(
      SocketChannel channel, ManagedSelector selector, SelectionKey key) throws IOException {
    InetAddress address = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
    if (!connections.tryOpen(address)) {
      if (plainText) {
        channel.write(ByteBuffer.wrap(REFUSAL));
      }
      throw new IOException(
          address.getHostAddress()
              + " already holds "
              + connections.cap()
              + " connections; refused another");
    }
    SocketChannelEndPoint endPoint =
        new SocketChannelEndPoint(channel, selector, key, getScheduler()) {
          @Override
          public void onClose(Throwable cause) {
            try {
              super.onClose(cause);
            } finally {
              connections.closed(address);
            }
          }
        };
    endPoint.setIdleTimeout(getIdleTimeout());
    return endPoint;
  }
}
