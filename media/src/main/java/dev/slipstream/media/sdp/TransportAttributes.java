package dev.slipstream.media.sdp;

import org.jspecify.annotations.Nullable;

/**
 * The ICE and DTLS attributes found at one level of an SDP; each may sit at session or media level.
 *
 * @param iceUfrag {@code a=ice-ufrag}
 * @param icePwd {@code a=ice-pwd}
 * @param fingerprint the preferred {@code a=fingerprint} (sha-256 when offered)
 * @param setup {@code a=setup}
 */
record TransportAttributes(
    @Nullable String iceUfrag,
    @Nullable String icePwd,
    @Nullable Fingerprint fingerprint,
    @Nullable Setup setup) {

  static final TransportAttributes NONE = new TransportAttributes(null, null, null, null);

  /** Returns these attributes, each filled from {@code session} where this level lacks it. */
  TransportAttributes over(TransportAttributes session) {
    return new TransportAttributes(
        iceUfrag != null ? iceUfrag : session.iceUfrag,
        icePwd != null ? icePwd : session.icePwd,
        fingerprint != null ? fingerprint : session.fingerprint,
        setup != null ? setup : session.setup);
  }
}
