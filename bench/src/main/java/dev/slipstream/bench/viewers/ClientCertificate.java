package dev.slipstream.bench.viewers;

import dev.slipstream.media.dtls.CertificateFingerprint;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The viewers' DTLS identity: one self-signed ECDSA P-256 certificate, as a browser makes per peer
 * connection. All viewers share it (the server checks each against the fingerprint in that viewer's
 * offer), which saves a key generation per viewer.
 */
final class ClientCertificate {
  private final byte[] der;
  private final AsymmetricKeyParameter privateKey;
  private final CertificateFingerprint fingerprint;

  private ClientCertificate(byte[] der, AsymmetricKeyParameter privateKey) {
    this.der = der;
    this.privateKey = privateKey;
    this.fingerprint = CertificateFingerprint.of("sha-256", der);
  }

  /** Generates a certificate valid from a day ago for thirty days. */
  static ClientCertificate generate(InstantSource clock, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      Instant now = clock.instant();
      X500Name subject = new X500Name("CN=slipstream-bench-viewer");
      byte[] der =
          new JcaX509v3CertificateBuilder(
                  subject,
                  new BigInteger(63, random).add(BigInteger.ONE),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(30))),
                  subject,
                  keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
              .getEncoded();
      return new ClientCertificate(
          der, PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate an ECDSA P-256 certificate", e);
    }
  }

  /** Returns the fingerprint every viewer puts in its offer. */
  CertificateFingerprint fingerprint() {
    return fingerprint;
  }

  /** Returns the certificate as DTLS client credentials signing with ECDSA and SHA-256. */
  TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto) throws IOException {
    TlsCertificate certificate = crypto.createCertificate(der);
    return new BcDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context),
        crypto,
        privateKey,
        new Certificate(new TlsCertificate[] {certificate}),
        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
  }
}
