package dev.slipstream.media.dtls;

import dev.slipstream.media.srtp.SrtpKeyMaterial;
import dev.slipstream.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.UseSRTPData;
import org.jspecify.annotations.Nullable;

/**
 * What one DTLS-SRTP handshake agrees and checks, whichever end we play: the SRTP profile, the
 * peer's certificate against its SDP fingerprint, the exported keys, and the alerts the peer sent.
 * {@link SrtpTlsServer} and {@link SrtpTlsClient} delegate here, so both roles refuse a peer for
 * the same reasons in the same words, and {@link ThreadedDtlsSession} reads the outcome from here.
 *
 * <p>BouncyCastle's callbacks write the fields on the session's thread; they are volatile because
 * the session reads them after the handshake or the read loop has returned, and logs may read them
 * from elsewhere.
 */
final class SrtpHandshakeState {
  private final FingerprintCheck fingerprints;

  private volatile @Nullable SrtpProfile profile;
  private volatile @Nullable CertificateFingerprint peerFingerprint;
  private volatile @Nullable SrtpKeyMaterial keys;
  private volatile DtlsOutcome.@Nullable Failed refusal;
  private volatile boolean peerSentCloseNotify;
  private volatile short peerFatalAlert = -1;

  SrtpHandshakeState(FingerprintCheck fingerprints) {
    this.fingerprints = fingerprints;
  }

  /** Returns the use_srtp profile numbers we offer as the client, most preferred first. */
  static int[] offeredProfileIds() {
    return Arrays.stream(SrtpProfile.values()).mapToInt(SrtpProfile::dtlsId).toArray();
  }

  /** As the server: picks our most preferred profile among those the client offered. */
  void chooseProfile(@Nullable UseSRTPData offered) throws TlsFatalAlert {
    if (offered == null) {
      throw refuse(
          DtlsFailure.NO_COMMON_SRTP_PROFILE,
          "the peer sent no use_srtp extension",
          AlertDescription.handshake_failure);
    }
    int[] ids = offered.getProtectionProfiles();
    for (SrtpProfile p : SrtpProfile.values()) {
      if (Arrays.stream(ids).anyMatch(id -> id == p.dtlsId())) {
        profile = p;
        return;
      }
    }
    throw refuse(
        DtlsFailure.NO_COMMON_SRTP_PROFILE,
        "the peer offered SRTP profiles "
            + hex(ids)
            + " but we support only "
            + Arrays.toString(SrtpProfile.values()),
        AlertDescription.handshake_failure);
  }

  /**
   * As the client: takes the profile the server chose, which must be exactly one of those we
   * offered (RFC 5764 §4.1.1).
   */
  void takeProfile(@Nullable UseSRTPData chosen) throws TlsFatalAlert {
    if (chosen == null) {
      throw refuse(
          DtlsFailure.NO_COMMON_SRTP_PROFILE,
          "the peer sent no use_srtp extension",
          AlertDescription.handshake_failure);
    }
    int[] ids = chosen.getProtectionProfiles();
    SrtpProfile taken = ids.length == 1 ? SrtpProfile.fromDtlsId(ids[0]).orElse(null) : null;
    if (taken == null) {
      throw refuse(
          DtlsFailure.NO_COMMON_SRTP_PROFILE,
          "the peer chose SRTP profiles "
              + hex(ids)
              + " but must choose one of "
              + hex(offeredProfileIds()),
          AlertDescription.illegal_parameter);
    }
    profile = taken;
  }

  /** Returns the profile chosen or taken; BouncyCastle asks only after it has been. */
  SrtpProfile profile() throws TlsFatalAlert {
    SrtpProfile chosen = profile;
    if (chosen == null) {
      throw new TlsFatalAlert(AlertDescription.internal_error, "no SRTP profile was chosen");
    }
    return chosen;
  }

  /**
   * Checks the peer's certificate against the fingerprints of its SDP.
   *
   * @param whenMissing the failure to report when the peer sent no certificate
   */
  void checkPeerCertificate(@Nullable Certificate chain, DtlsFailure whenMissing)
      throws IOException {
    if (chain == null || chain.isEmpty()) {
      throw refuse(whenMissing, "the peer sent no certificate", AlertDescription.handshake_failure);
    }
    byte[] der = chain.getCertificateAt(0).getEncoded();
    CertificateFingerprint actual = CertificateFingerprint.of("sha-256", der);
    if (!fingerprints.matches(der)) {
      throw refuse(
          DtlsFailure.FINGERPRINT_MISMATCH,
          "the peer's certificate is "
              + actual.sdpValue()
              + " but its SDP says "
              + fingerprints.expected(),
          AlertDescription.bad_certificate);
    }
    peerFingerprint = actual;
  }

  /** Exports the SRTP keys (RFC 5764 §4.2) once the handshake is complete. */
  void exportKeys(TlsContext context) throws TlsFatalAlert {
    SrtpProfile chosen = profile();
    byte[] exported =
        context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, chosen.exporterLength());
    try {
      keys = SrtpKeyMaterial.fromDtlsExporter(chosen, exported);
    } finally {
      Arrays.fill(exported, (byte) 0);
    }
  }

  /** Notes an alert from the peer: close_notify, or a fatal one. */
  void alertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      peerSentCloseNotify = true;
    } else if (alertLevel == AlertLevel.fatal) {
      peerFatalAlert = alertDescription;
    }
  }

  /** Returns the outcome once the handshake has returned normally. */
  DtlsOutcome.Established established() {
    SrtpKeyMaterial k = keys;
    CertificateFingerprint f = peerFingerprint;
    if (k == null || f == null) {
      throw new IllegalStateException("the handshake has not finished");
    }
    return new DtlsOutcome.Established(k, f);
  }

  /** Returns why we refused the peer, if it was one of our own checks that failed. */
  DtlsOutcome.@Nullable Failed refusal() {
    return refusal;
  }

  boolean peerSentCloseNotify() {
    return peerSentCloseNotify;
  }

  /** Returns the fatal alert the peer sent, or -1. */
  short peerFatalAlert() {
    return peerFatalAlert;
  }

  private TlsFatalAlert refuse(DtlsFailure reason, String detail, short alert) {
    refusal = new DtlsOutcome.Failed(reason, detail);
    return new TlsFatalAlert(alert, detail);
  }

  private static String hex(int[] ids) {
    return Arrays.stream(ids).mapToObj(id -> String.format("0x%04x", id)).toList().toString();
  }
}
