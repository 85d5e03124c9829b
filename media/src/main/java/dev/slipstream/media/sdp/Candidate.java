package dev.slipstream.media.sdp;

import java.util.Objects;

/**
 * One of our ICE host candidates, written into answers as {@code a=candidate}. As an ICE-lite
 * server we only offer host candidates: the address the server listens on (its public address when
 * it has one); a TCP candidate is always {@code tcptype passive} because we never dial out.
 *
 * @param foundation 1 to 32 letters or digits, the same for candidates of one base
 * @param component 1, as RTCP shares the RTP port ({@code a=rtcp-mux})
 * @param protocol UDP or TCP
 * @param priority 1 to 2^31-1, higher preferred (RFC 8445 section 5.1.2)
 * @param address an IPv4 or IPv6 literal or a host name, without spaces
 * @param port 1 to 65535
 */
public record Candidate(
    String foundation, int component, Protocol protocol, long priority, String address, int port) {

  /** The transport a candidate listens on. */
  public enum Protocol {
    /** Datagrams; the usual path for media. */
    UDP,
    /** A passive TCP listener (RFC 6544) for networks that block UDP. */
    TCP
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException naming the field, its value and what is allowed
   */
  public Candidate {
    Objects.requireNonNull(protocol, "protocol");
    if (foundation == null
        || foundation.isEmpty()
        || foundation.length() > 32
        || !Tokens.isIceChars(foundation)) {
      throw new IllegalArgumentException(
          "candidate foundation must be 1 to 32 letters or digits (was " + foundation + ")");
    }
    if (component < 1 || component > 256) {
      throw new IllegalArgumentException(
          "candidate component must be 1 to 256 (was " + component + ")");
    }
    if (priority < 1 || priority > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "candidate priority must be 1 to 2^31-1 (was " + priority + ")");
    }
    if (address == null || address.isBlank() || address.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException(
          "candidate address must be non-blank without spaces (was " + address + ")");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("candidate port must be 1 to 65535 (was " + port + ")");
    }
  }

  /** Returns the value of the {@code a=candidate:} attribute for this candidate. */
  String attributeValue() {
    return foundation
        + " "
        + component
        + " "
        + (protocol == Protocol.UDP ? "udp" : "tcp")
        + " "
        + priority
        + " "
        + address
        + " "
        + port
        + " typ host"
        + (protocol == Protocol.TCP ? " tcptype passive" : "");
  }
}
