package dev.slipstream.media.transport;

import java.net.InetAddress;

/**
 * One ICE host candidate for the SDP answer (RFC 8839 §5.1), component 1 (RTP and RTCP are
 * multiplexed).
 *
 * @param foundation the same for candidates that share address and transport, else different
 * @param transport UDP, or TCP (always passive: a lite agent only accepts connections)
 * @param priority computed by RFC 8445 §5.1.2 (and RFC 6544 §4.2 for TCP)
 * @param address the advertised address
 * @param port the mux's port
 */
public record HostCandidate(
    String foundation, Transport transport, long priority, InetAddress address, int port) {

  /** The transport of a candidate. */
  public enum Transport {
    /** The {@link UdpMux}. */
    UDP,
    /** The {@link TcpMux}, as a passive candidate (RFC 6544). */
    TCP
  }

  /**
   * Returns the value of the {@code a=candidate:} attribute, e.g. {@code 1 1 udp 2130706431
   * 192.0.2.10 40000 typ host} or {@code 2 1 tcp 1341522175 192.0.2.10 443 typ host tcptype
   * passive}.
   */
  public String sdpValue() {
    String base =
        foundation
            + " 1 "
            + (transport == Transport.UDP ? "udp" : "tcp")
            + " "
            + priority
            + " "
            + address.getHostAddress()
            + " "
            + port
            + " typ host";
    return transport == Transport.UDP ? base : base + " tcptype passive";
  }
}
