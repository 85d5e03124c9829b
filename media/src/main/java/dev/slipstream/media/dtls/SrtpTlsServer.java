package dev.slipstream.media.dtls;

import dev.slipstream.media.srtp.SrtpKeyMaterial;
import dev.slipstream.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.jspecify.annotations.Nullable;

/**
 * The BouncyCastle TLS server for one peer: DTLS 1.2 with ECDHE-ECDSA suites, a required client
 * certificate checked against the SDP fingerprint, and the use_srtp extension (RFC 5764 §4.1).
 *
 * <p>BouncyCastle calls every method here on the session's thread. The few fields another thread
 * reads (the outcome parts and what the peer announced) are volatile and written before the
 * handshake or the read loop returns.
 */
final class SrtpTlsServer extends DefaultTlsServer {
  private static final int[] CIPHER_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
  };

  private final BcTlsCrypto crypto;
  private final SelfSignedCertificate certificate;
  private final FingerprintCheck fingerprints;
  private final DtlsSettings settings;

  private volatile @Nullable SrtpProfile profile;
  private volatile @Nullable CertificateFingerprint peerFingerprint;
  private volatile @Nullable SrtpKeyMaterial keys;
  private volatile DtlsOutcome.@Nullable Failed refusal;
  private volatile boolean peerSentCloseNotify;
  private volatile short peerFatalAlert = -1;

  SrtpTlsServer(
      BcTlsCrypto crypto,
      SelfSignedCertificate certificate,
      FingerprintCheck fingerprints,
      DtlsSettings settings) {
    super(crypto);
    this.crypto = crypto;
    this.certificate = certificate;
    this.fingerprints = fingerprints;
    this.settings = settings;
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

  /** Returns why this server refused the peer, if it was this server's own check that failed. */
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

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(crypto, CIPHER_SUITES);
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return Math.toIntExact(settings.handshakeTimeout().toMillis());
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return Math.toIntExact(settings.initialRetransmit().toMillis());
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    return certificate.signer(context, crypto);
  }

  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's extension API is raw Hashtable
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
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
            + Arrays.stream(ids).mapToObj(id -> String.format("0x%04x", id)).toList()
            + " but we support only "
            + Arrays.toString(SrtpProfile.values()),
        AlertDescription.handshake_failure);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"}) // BouncyCastle's extension API is raw Hashtable
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    SrtpProfile chosen = profile;
    if (chosen == null) {
      throw new TlsFatalAlert(AlertDescription.internal_error, "no SRTP profile was chosen");
    }
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(new int[] {chosen.dtlsId()}, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  public CertificateRequest getCertificateRequest() {
    short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
    Vector<?> algorithms = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
    return new CertificateRequest(types, algorithms, null);
  }

  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    if (clientCertificate == null || clientCertificate.isEmpty()) {
      throw refuse(
          DtlsFailure.NO_CLIENT_CERTIFICATE,
          "the peer sent no certificate",
          AlertDescription.handshake_failure);
    }
    byte[] der = clientCertificate.getCertificateAt(0).getEncoded();
    if (!fingerprints.matches(der)) {
      throw refuse(
          DtlsFailure.FINGERPRINT_MISMATCH,
          "the peer's certificate is "
              + CertificateFingerprint.of("sha-256", der).sdpValue()
              + " but its SDP says "
              + fingerprints.expected(),
          AlertDescription.bad_certificate);
    }
    peerFingerprint = CertificateFingerprint.of("sha-256", der);
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    SrtpProfile chosen = profile;
    if (chosen == null) {
      throw new TlsFatalAlert(AlertDescription.internal_error, "no SRTP profile was chosen");
    }
    byte[] exported =
        context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, chosen.exporterLength());
    try {
      keys = SrtpKeyMaterial.fromDtlsExporter(chosen, exported);
    } finally {
      Arrays.fill(exported, (byte) 0);
    }
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      peerSentCloseNotify = true;
    } else if (alertLevel == AlertLevel.fatal) {
      peerFatalAlert = alertDescription;
    }
  }

  private TlsFatalAlert refuse(DtlsFailure reason, String detail, short alert) {
    refusal = new DtlsOutcome.Failed(reason, detail);
    return new TlsFatalAlert(alert, detail);
  }
}
