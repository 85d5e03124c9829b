package dev.slipstream.media.dtls;

/** Why a DTLS session ended. */
public enum DtlsClosure {
  /** The peer sent close_notify: it is leaving (a browser tab closed, a track stopped). */
  PEER_CLOSE_NOTIFY,
  /** The peer sent a fatal alert after the handshake. */
  PEER_ALERT,
  /** {@link DtlsSession#close()} was called; we sent close_notify if the handshake had finished. */
  LOCAL_CLOSE,
  /** The handshake failed; {@link DtlsSession#handshake()} says why. */
  HANDSHAKE_FAILED,
  /** Sending failed or the session broke in a way the peer did not announce. */
  TRANSPORT_ERROR
}
