package dev.slipstream.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.jspecify.annotations.Nullable;

/**
 * The BouncyCastle TLS client for one peer that wants to be the DTLS server ({@code
 * a=setup:passive}, as FFmpeg's whip muxer offers): DTLS 1.2 with ECDHE suites, the server's
 * certificate checked against its SDP fingerprint, our certificate when the server asks for it, and
 * use_srtp offering every {@link dev.slipstream.media.srtp.SrtpProfile} (RFC 5764 §4.1). What it
 * agrees and checks lives in its {@link SrtpHandshakeState}, shared with {@link SrtpTlsServer}.
 *
 * <p>BouncyCastle calls every method here on the session's thread.
 */
final class SrtpTlsClient extends DefaultTlsClient {
  /** ECDSA first (WebRTC stacks and FFmpeg use P-256 keys); RSA for peers with RSA certificates. */
  private static final int[] CIPHER_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
  };

  private final BcTlsCrypto crypto;
  private final SelfSignedCertificate certificate;
  private final SrtpHandshakeState state;
  private final HandshakeDeadline deadline;
  private final DtlsSettings settings;

  SrtpTlsClient(
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

  /** Returns what is left of the handshake timeout once the wait for ICE is over. */
  @Override
  public int getHandshakeTimeoutMillis() {
    return deadline.remainingMillis();
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return Math.toIntExact(settings.initialRetransmit().toMillis());
  }

  /**
   * Skips BouncyCastle's check of the signature algorithm on the server's certificate: the
   * certificate is self-signed and pinned by its SDP fingerprint, so its own signature proves
   * nothing, and FFmpeg signs it with SHA-1.
   */
  @Override
  public boolean shouldCheckSigAlgOfPeerCerts() {
    return false;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"}) // BouncyCastle's extension API is raw Hashtable
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(SrtpHandshakeState.offeredProfileIds(), TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's extension API is raw Hashtable
  public void processServerExtensions(@Nullable Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    state.takeProfile(
        serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions));
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate server) throws IOException {
        state.checkPeerCertificate(server.getCertificate(), DtlsFailure.PROTOCOL_ERROR);
      }

      @Override
      public @Nullable TlsCredentials getClientCredentials(CertificateRequest request)
          throws IOException {
        for (short type : request.getCertificateTypes()) {
          if (type == ClientCertificateType.ecdsa_sign) {
            return certificate.signer(context, crypto);
          }
        }
        // Our key is ECDSA; a server that takes no ECDSA certificate gets none and decides.
        return null;
      }
    };
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
