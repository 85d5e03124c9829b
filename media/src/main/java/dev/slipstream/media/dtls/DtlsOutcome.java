package dev.slipstream.media.dtls;

import dev.slipstream.media.srtp.SrtpKeyMaterial;
import java.util.Objects;

/** How a DTLS handshake ended: with SRTP keys, or with the reason there are none. */
public sealed interface DtlsOutcome {

  /**
   * The handshake finished and the peer proved it holds the certificate its SDP named.
   *
   * @param keys the SRTP profile and both directions' master keys and salts
   * @param peerFingerprint the SHA-256 fingerprint of the peer's certificate
   */
  record Established(SrtpKeyMaterial keys, CertificateFingerprint peerFingerprint)
      implements DtlsOutcome {
    /** Checks that both parts are present. */
    public Established {
      Objects.requireNonNull(keys, "keys");
      Objects.requireNonNull(peerFingerprint, "peerFingerprint");
    }
  }

  /**
   * The handshake failed; nothing may be sent to or accepted from this peer.
   *
   * @param reason the kind of failure, for decisions and metrics
   * @param detail one sentence for the log
   */
  record Failed(DtlsFailure reason, String detail) implements DtlsOutcome {
    /** Checks that both parts are present. */
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
