package dev.slipstream.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The SFU's one TCP listening port for ICE over TCP: passive host candidates (RFC 6544) with RFC
 * 4571 framing (a 2-byte big-endian length before each packet), for browsers whose network blocks
 * UDP.
 *
 * <p>A connection belongs to no session until a valid Binding request arrives on it; from then on
 * every frame on it is routed like a UDP datagram from its remote address, and {@link
 * MuxRegistration#send} to that address writes a frame to it. Malformed framing closes just that
 * connection.
 */
public interface TcpMux extends IceMux {

  /**
   * Listens on {@code bind} with the defaults of {@link TcpMuxConfig#defaults}.
   *
   * @throws IOException when the address cannot be bound; the message names it
   */
  static TcpMux open(InetSocketAddress bind) throws IOException {
    return open(TcpMuxConfig.defaults(bind));
  }

  /**
   * Listens and starts accepting connections.
   *
   * @throws IOException when the address cannot be bound; the message names it
   */
  static TcpMux open(TcpMuxConfig config) throws IOException {
    return TcpMuxServer.open(config);
  }

  /** Returns how many connections are open now, bound to a session or not. */
  int openConnections();
}
