package dev.slipstream.media.dtls;

import java.util.Locale;

/** Why a DTLS handshake did not produce SRTP keys. */
public enum DtlsFailure {
  /**
   * No finished handshake within {@link DtlsSettings#handshakeTimeout()}; as the client this counts
   * the wait for {@link DtlsSession#peerReachable()}, so a peer ICE never reached ends here too.
   */
  TIMEOUT,
  /** The peer's certificate does not match any fingerprint in its SDP: possibly an attacker. */
  FINGERPRINT_MISMATCH,
  /** As the DTLS server: the client sent no certificate, which every WebRTC endpoint must. */
  NO_CLIENT_CERTIFICATE,
  /**
   * A client peer offered no SRTP protection profile we support, or a server peer chose one we did
   * not offer; or the peer sent no use_srtp extension at all.
   */
  NO_COMMON_SRTP_PROFILE,
  /** The peer ended the handshake with a fatal alert. */
  PEER_ALERT,
  /** The handshake broke the protocol or had nothing else in common (versions, ciphers, curves). */
  PROTOCOL_ERROR,
  /** {@link DtlsSession#close()} was called before the handshake finished. */
  CLOSED_LOCALLY;

  /** Returns the lower-case name used as the metric tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
