package dev.slipstream.media.dtls;

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
import java.time.temporal.ChronoUnit;
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

/** A self-signed ECDSA P-256 certificate with its private key, made with BouncyCastle. */
final class SelfSignedCertificate implements DtlsCertificate {
  static final Duration BACKDATED = Duration.ofDays(30);
  static final Duration VALID_AHEAD = Duration.ofDays(365);
  private static final X500Name SUBJECT = new X500Name("CN=slipstream");

  private final byte[] der;
  private final AsymmetricKeyParameter privateKey;
  private final Instant notBefore;
  private final Instant notAfter;
  private final CertificateFingerprint fingerprint;

  private SelfSignedCertificate(
      byte[] der, AsymmetricKeyParameter privateKey, Instant notBefore, Instant notAfter) {
    this.der = der;
    this.privateKey = privateKey;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.fingerprint = CertificateFingerprint.of("sha-256", der);
  }

  static SelfSignedCertificate generate(InstantSource clock, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      Instant notBefore = now.minus(BACKDATED);
      Instant notAfter = now.plus(VALID_AHEAD);
      BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
      byte[] der =
          new JcaX509v3CertificateBuilder(
                  SUBJECT,
                  serial,
                  Date.from(notBefore),
                  Date.from(notAfter),
                  SUBJECT,
                  keys.getPublic())
              .build(
                  new JcaContentSignerBuilder("SHA256withECDSA")
                      .setSecureRandom(random)
                      .build(keys.getPrivate()))
              .getEncoded();
      return new SelfSignedCertificate(
          der, PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()), notBefore, notAfter);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate an ECDSA P-256 certificate", e);
    }
  }

  /** Returns the certificate as TLS credentials that sign with ECDSA and SHA-256. */
  TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto) throws IOException {
    Certificate chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    return new BcDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context),
        crypto,
        privateKey,
        chain,
        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
  }

  @Override
  public CertificateFingerprint fingerprint() {
    return fingerprint;
  }

  @Override
  public Instant notBefore() {
    return notBefore;
  }

  @Override
  public Instant notAfter() {
    return notAfter;
  }

  @Override
  public byte[] encoded() {
    return der.clone();
  }
}
