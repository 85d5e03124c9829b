package dev.slipstream.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeysTest {
  @TempDir Path dir;

  private final ServingKeys made =
      TlsKeys.selfSigned(List.of("localhost", "127.0.0.1"), Instant.now());

  @Test
  void aSelfSignedCertificateNamesEveryHostAndAddressItIsFor() throws Exception {
    List<Object> names =
        made.certificate().getSubjectAlternativeNames().stream()
            .map(entry -> (Object) entry.get(1))
            .toList();
    assertThat(names).containsExactly("localhost", "127.0.0.1");
    made.certificate().verify(made.certificate().getPublicKey());
  }

  @Test
  void pemFilesInPkcs8AreReadIntoTheSameCertificateAndKey() throws Exception {
    Path chain = dir.resolve("chain.pem");
    Path keyFile = dir.resolve("key.pem");
    Key key = made.keyStore().getKey("slipstream", made.password().toCharArray());
    try (Writer w = Files.newBufferedWriter(chain);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(made.certificate());
    }
    try (Writer w = Files.newBufferedWriter(keyFile);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(new JcaPKCS8Generator((java.security.PrivateKey) key, null));
    }

    ServingKeys read = TlsKeys.load(new TlsSettings.Pem(chain, keyFile));

    assertThat(read.certificate()).isEqualTo(made.certificate());
    assertThat(read.keyStore().getKey("slipstream", read.password().toCharArray()).getEncoded())
        .isEqualTo(key.getEncoded());
  }

  @Test
  void aPkcs12KeystoreIsReadWithItsPasswordAndAWrongOneIsNamed() throws Exception {
    Path file = dir.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      made.keyStore().store(out, made.password().toCharArray());
    }

    assertThat(TlsKeys.load(new TlsSettings.Pkcs12(file, made.password())).certificate())
        .isEqualTo(made.certificate());
    assertThatThrownBy(() -> TlsKeys.load(new TlsSettings.Pkcs12(file, "wrong")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("wrong password?");
  }

  @Test
  void aCertificateFileWithoutACertificateIsRefusedNamingTheFile() throws Exception {
    Path chain = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    Path key = Files.writeString(dir.resolve("key.pem"), "nothing here\n");
    assertThatThrownBy(() -> TlsKeys.load(new TlsSettings.Pem(chain, key)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty.pem")
        .hasMessageContaining("BEGIN CERTIFICATE");
  }
}
