package dev.slipstream.media.dtls;

import dev.slipstream.media.srtp.SrtpKeyMaterial;
import dev.slipstream.media.srtp.SrtpProfile;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * An FFmpeg stand-in: a BouncyCastle DTLS 1.2 server shaped like the one FFmpeg 8's whip muxer runs
 * with OpenSSL ({@code libavformat/tls_openssl.c}) — a fresh P-256 certificate self-signed with
 * SHA-1, use_srtp with the one profile it has (AES128_CM_HMAC_SHA1_80 unless told otherwise), a
 * certificate request, and any client certificate accepted. It exports the SRTP keys.
 */
final class TestDtlsServer extends DefaultTlsServer {
  private final BcTlsCrypto crypto;
  private final byte[] certificateDer;
  private final AsymmetricKeyParameter privateKey;
  private final int chosenProfile;
  volatile int[] offeredProfiles = new int[0];
  volatile byte[] clientCertificate = new byte[0];
  volatile SrtpKeyMaterial keys;

  private TestDtlsServer(
      BcTlsCrypto crypto, byte[] certificateDer, AsymmetricKeyParameter key, int chosenProfile) {
    super(crypto);
    this.crypto = crypto;
    this.certificateDer = certificateDer;
    this.privateKey = key;
    this.chosenProfile = chosenProfile;
  }

  /**
   * Returns a server with a new SHA-1-signed certificate that answers use_srtp with {@code
   * chosenProfile} whatever the client offered.
   */
  static TestDtlsServer ffmpegLike(SecureRandom random, int chosenProfile) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=lavf");
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    byte[] der =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(random.nextInt(1, Integer.MAX_VALUE)),
                Date.from(now),
                Date.from(now.plus(Duration.ofDays(365))),
                name,
                keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA1withECDSA").build(keys.getPrivate()))
            .getEncoded();
    return new TestDtlsServer(
        new BcTlsCrypto(random),
        der,
        PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()),
        chosenProfile);
  }

  /** Returns the SHA-256 fingerprint FFmpeg would put in its offer. */
  CertificateFingerprint fingerprint() {
    return CertificateFingerprint.of("sha-256", certificateDer);
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(
        crypto,
        new int[] {
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
        });
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return 50;
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return 10_000;
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    return new BcDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context),
        crypto,
        privateKey,
        new Certificate(new TlsCertificate[] {crypto.createCertificate(certificateDer)}),
        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (offered == null) {
      throw new TlsFatalAlert(AlertDescription.handshake_failure, "no use_srtp");
    }
    offeredProfiles = offered.getProtectionProfiles();
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(new int[] {chosenProfile}, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  public CertificateRequest getCertificateRequest() {
    short[] types = {ClientCertificateType.rsa_sign, ClientCertificateType.ecdsa_sign};
    Vector<?> algorithms = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
    return new CertificateRequest(types, algorithms, null);
  }

  @Override
  public void notifyClientCertificate(Certificate certificate) throws IOException {
    // FFmpeg's verify callback accepts every certificate; it only keeps the handshake going.
    if (!certificate.isEmpty()) {
      clientCertificate = certificate.getCertificateAt(0).getEncoded();
    }
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    SrtpProfile profile = SrtpProfile.fromDtlsId(chosenProfile).orElseThrow();
    keys =
        SrtpKeyMaterial.fromDtlsExporter(
            profile,
            context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.exporterLength()));
  }
}
