package dev.slipstream.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The SFU's one UDP socket, shared by every session (ICE-lite host candidates all point here).
 *
 * <p>One platform thread receives every datagram and routes it by its first byte (RFC 7983): 0–3
 * STUN to the session named by USERNAME, 20–63 DTLS and 128–191 RTP/RTCP to the session bound to
 * the source address; anything else is dropped and counted. Any thread may send through a {@link
 * MuxRegistration}; sends never block.
 */
public interface UdpMux extends IceMux {

  /**
   * Opens a mux on {@code bind} with the defaults of {@link UdpMuxConfig#defaults}.
   *
   * @throws IOException when the address cannot be bound; the message names it
   */
  static UdpMux open(InetSocketAddress bind) throws IOException {
    return open(UdpMuxConfig.defaults(bind));
  }

  /**
   * Opens a mux and starts its receive thread.
   *
   * @throws IOException when the address cannot be bound; the message names it
   */
  static UdpMux open(UdpMuxConfig config) throws IOException {
    return UdpMuxLoop.open(config);
  }
}
