package dev.slipstream.bench.viewers;

import dev.slipstream.media.dtls.CertificateFingerprint;
import dev.slipstream.media.srtp.SrtpKeyMaterial;
import dev.slipstream.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.jspecify.annotations.Nullable;

/**
 * A viewer's end of DTLS-SRTP as a browser plays it: a DTLS 1.2 client that offers use_srtp with
 * AES-128-GCM and AES-128-CM-HMAC-SHA1-80, proves itself with the shared {@link ClientCertificate},
 * refuses a server whose certificate does not match the answer's fingerprint, and exports the SRTP
 * keys (RFC 5764).
 *
 * <p>BouncyCastle calls it on the handshake's thread; {@link #keys()} is read after the handshake
 * returned, on the same thread.
 */
final class SrtpDtlsClient extends DefaultTlsClient {
  private static final int[] PROFILES = {
    SrtpProfile.AEAD_AES_128_GCM.dtlsId(), SrtpProfile.AES128_CM_HMAC_SHA1_80.dtlsId()
  };
  private static final int[] CIPHER_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
  };

  private final BcTlsCrypto crypto;
  private final ClientCertificate certificate;
  private final CertificateFingerprint expectedServer;
  private @Nullable SrtpProfile profile;
  private @Nullable SrtpKeyMaterial keys;

  SrtpDtlsClient(
      BcTlsCrypto crypto, ClientCertificate certificate, CertificateFingerprint expectedServer) {
    super(crypto);
    this.crypto = crypto;
    this.certificate = certificate;
    this.expectedServer = expectedServer;
  }

  /** Returns the keys once the handshake has finished. */
  SrtpKeyMaterial keys() {
    if (keys == null) {
      throw new IllegalStateException("the DTLS handshake has not finished");
    }
    return keys;
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
  public int getHandshakeResendTimeMillis() {
    // RFC 6347's one second: a shorter timer only adds retransmissions when the server is busy.
    return 1_000;
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return 30_000;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"}) // BouncyCastle's extension API is raw Hashtable
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(PROFILES, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes") // BouncyCastle's extension API is raw Hashtable
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (chosen == null || chosen.getProtectionProfiles().length != 1) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, "no SRTP profile chosen");
    }
    int id = chosen.getProtectionProfiles()[0];
    if (Arrays.stream(PROFILES).noneMatch(p -> p == id)) {
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, "unoffered SRTP profile " + id);
    }
    profile = SrtpProfile.fromDtlsId(id).orElseThrow();
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate server) throws IOException {
        byte[] der = server.getCertificate().getCertificateAt(0).getEncoded();
        if (!expectedServer.matches(der)) {
          throw new TlsFatalAlert(
              AlertDescription.bad_certificate, "server certificate does not match the answer");
        }
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
        return certificate.signer(context, crypto);
      }
    };
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
}
