package dev.slipstream.gateway.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/** Loads or makes the {@link ServingKeys} of a {@link TlsSettings}. */
public final class TlsKeys {
  private static final String ALIAS = "slipstream";
  private static final Duration SELF_SIGNED_LIFETIME = Duration.ofDays(30);

  private TlsKeys() {}

  /**
   * Returns the keys {@code settings} name, or null when TLS is off.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static @Nullable ServingKeys load(TlsSettings settings) {
    return switch (settings) {
      case TlsSettings.Off off -> null;
      case TlsSettings.Pkcs12 p12 -> pkcs12(p12.file(), p12.password());
      case TlsSettings.Pem pem -> pem(pem.certificateChain(), pem.privateKey());
      case TlsSettings.SelfSigned self -> selfSigned(self.names(), Instant.now());
    };
  }

  private static ServingKeys pkcs12(Path file, String password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
          return new ServingKeys(store, password, c);
        }
      }
      throw new IllegalArgumentException("the TLS keystore " + file + " holds no private key");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the TLS keystore " + file + " (wrong password?): " + e.getMessage(), e);
    }
  }

  private static ServingKeys pem(Path chainFile, Path keyFile) {
    List<X509Certificate> chain = new ArrayList<>();
    var converter = new JcaX509CertificateConverter();
    try (Reader reader = Files.newBufferedReader(chainFile);
        PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          chain.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the TLS certificate file " + chainFile + ": " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(
          "the TLS certificate file " + chainFile + " holds no BEGIN CERTIFICATE block");
    }
    PrivateKey key;
    try (Reader reader = Files.newBufferedReader(keyFile);
        PEMParser parser = new PEMParser(reader)) {
      Object o = parser.readObject();
      var keys = new JcaPEMKeyConverter();
      key =
          switch (o) {
            case PEMKeyPair pair -> keys.getKeyPair(pair).getPrivate();
            case PrivateKeyInfo info -> keys.getPrivateKey(info);
            case null, default ->
                throw new IllegalArgumentException(
                    "the TLS key file "
                        + keyFile
                        + " holds no unencrypted BEGIN PRIVATE KEY, RSA or EC key");
          };
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the TLS key file " + keyFile + ": " + e.getMessage(), e);
    }
    return keyStore(key, chain);
  }

  /** Makes an EC P-256 key and a certificate for {@code names}, signed by that key. */
  static ServingKeys selfSigned(List<String> names, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + names.getFirst() + ", O=Slipstream development");
      List<GeneralName> alternatives = new ArrayList<>();
      for (String name : names) {
        // Only IP literals reach getByName, so no name is looked up.
        boolean ip = name.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:]*");
        alternatives.add(
            ip
                ? new GeneralName(
                    GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress())
                : new GeneralName(GeneralName.dNSName, name));
      }
      var builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(SELF_SIGNED_LIFETIME)),
              subject,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(alternatives.toArray(GeneralName[]::new)));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
      X509Certificate certificate =
          new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return keyStore(pair.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(
          "cannot make a self-signed certificate: " + e.getMessage(), e);
    }
  }

  private static ServingKeys keyStore(PrivateKey key, List<X509Certificate> chain) {
    try {
      String password = Long.toHexString(new SecureRandom().nextLong());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(Certificate[]::new));
      return new ServingKeys(store, password, chain.getFirst());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot hold the TLS key: " + e.getMessage(), e);
    }
  }
}
