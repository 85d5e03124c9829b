package dev.slipstream.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The BouncyCastle TLS server for one peer: DTLS 1.2 with ECDHE-ECDSA suites, a required client
 * certificate checked against the SDP fingerprint, and the use_srtp extension (RFC 5764 §4.1). What
 * it agrees and checks lives in its {@link SrtpHandshakeState}, shared with {@link SrtpTlsClient}.
 *
 * <p>BouncyCastle calls every method here on the session's thread.
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
  private final SrtpHandshakeState state;
  private final HandshakeDeadline deadline;
  private final DtlsSettings settings;

  SrtpTlsServer(
      BcTlsCrypto crypto,
      SelfSignedCertificate certificate,
      SrtpHandshakeState state,
      HandshakeDeadline deadline,
      DtlsSettings settings) {
    super(crypto);
    this.crypto = crypto;
    this.certificate = certificate;
    this.state = state;
    this.deadline = deadline;
    this.settings = settings;
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
    return deadline.remainingMillis();
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
    state.chooseProfile(TlsSRTPUtils.getUseSRTPExtension(clientExtensions));
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"}) // BouncyCastle's extension API is raw Hashtable
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(new int[] {state.profile().dtlsId()}, TlsUtils.EMPTY_BYTES));
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
    state.checkPeerCertificate(clientCertificate, DtlsFailure.NO_CLIENT_CERTIFICATE);
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    state.exportKeys(context);
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    state.alertReceived(alertLevel, alertDescription);
  }
}
