package dev.slipstream.media.dtls;

import java.util.Locale;

/** Why a DTLS handshake did not produce SRTP keys. */
public enum DtlsFailure {
  /** No finished handshake within {@link DtlsSettings#handshakeTimeout()}. */
  TIMEOUT,
  /** The peer's certificate does not match any fingerprint in its SDP: possibly an attacker. */
  FINGERPRINT_MISMATCH,
  /** The peer sent no certificate, which every WebRTC endpoint must. */
  NO_CLIENT_CERTIFICATE,
  /** The peer offered no SRTP protection profile we support, or no use_srtp extension at all. */
  NO_COMMON_SRTP_PROFILE,
  /** The peer ended the handshake with a fatal alert. */
  PEER_ALERT,
  /** The handshake broke the protocol or had nothing else in common (versions, ciphers, curves). */
  PROTOCOL_ERROR,
  /** {@link DtlsServerSession#close()} was called before the handshake finished. */
  CLOSED_LOCALLY;

  /** Returns the lower-case name used as the metric tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
