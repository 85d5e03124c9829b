package dev.slipstream.gateway.guard;

import dev.slipstream.gateway.tls.ServingKeys;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jspecify.annotations.Nullable;

/**
 * Makes the gateway's one listening connector: HTTP/1.1, over TLS when there are keys, with the
 * per-address connection cap, idle timeout, header size limit and minimum request data rate of the
 * {@link GuardSettings}.
 */
public final class ListeningConnector {
  private ListeningConnector() {}

  /** Returns a connector on {@code host:port} for {@code server}, not yet started. */
  public static Connector create(
      Server server,
      HttpConfiguration http,
      String host,
      int port,
      GuardSettings guard,
      @Nullable ServingKeys keys) {
    http.setRequestHeaderSize(guard.maxRequestHeaderBytes());
    http.setMinRequestDataRate(guard.minRequestBytesPerSecond());
    http.setIdleTimeout(guard.idleTimeout().toMillis());
    GuardedConnector connector;
    if (keys == null) {
      connector =
          new GuardedConnector(
              server, guard.maxConnectionsPerAddress(), true, new HttpConnectionFactory(http));
    } else {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // Clients that reach the server by IP address send no SNI; a certificate naming the IP still
      // matches, and the JDK client checks the name itself.
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStore(keys.keyStore());
      tls.setKeyStorePassword(keys.password());
      connector =
          new GuardedConnector(
              server,
              guard.maxConnectionsPerAddress(),
              false,
              new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
              new HttpConnectionFactory(http));
    }
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(guard.idleTimeout().toMillis());
    return connector;
  }
}
