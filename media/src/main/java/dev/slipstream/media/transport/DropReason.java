package dev.slipstream.media.transport;

/** Why a mux dropped a packet, for metrics. */
public enum DropReason {
  /** Inbound: empty, or a first byte that is none of STUN, DTLS or RTP/RTCP (RFC 7983). */
  UNRECOGNISED_PACKET,
  /** Inbound: first byte says STUN but it is not a well-formed STUN message. */
  STUN_MALFORMED,
  /** Inbound: STUN without USERNAME, or whose local ufrag names no registered session. */
  STUN_NO_SESSION,
  /** Inbound: DTLS or RTP/RTCP from an address no session has checked. */
  UNKNOWN_SOURCE,
  /** Inbound: the session's sink threw. */
  SINK_FAILED,
  /** Inbound: the socket reported an error, or handling the packet failed unexpectedly. */
  RECEIVE_FAILED,
  /**
   * Inbound, TCP: a frame cut short by the end of the stream or of no known kind, or media before a
   * valid check. The connection is closed.
   */
  TCP_BAD_FRAMING,
  /** Inbound, TCP: a connection refused at the connection limit or closed for no valid check. */
  TCP_CONNECTION_REFUSED,
  /** Outbound: the send buffer or connection queue was full. */
  SEND_BUFFER_FULL,
  /** Outbound: the destination has no consent for the sending session. */
  SEND_NO_CONSENT,
  /** Outbound: the registration or mux was closed. */
  SEND_CLOSED,
  /** Outbound: the operating system refused the packet. */
  SEND_FAILED
}
