package dev.slipstream.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CertificateTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final InstantSource CLOCK = InstantSource.fixed(NOW);

  @Test
  void theCertificateIsSelfSignedEcdsaP256ValidFromThirtyDaysAgoToAYearAhead() throws Exception {
    DtlsCertificate certificate =
        DtlsCertificate.selfSigned(CLOCK, DtlsServerSessionTest.seeded(1));

    X509Certificate x509 = parse(certificate.encoded());
    assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    assertThat(x509.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    assertThat(x509.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    assertThat(certificate.notBefore()).isEqualTo(x509.getNotBefore().toInstant());
    assertThat(certificate.notAfter()).isEqualTo(x509.getNotAfter().toInstant());
    assertThat(x509.getSerialNumber().signum()).isPositive();
    assertThat(x509.getSubjectX500Principal()).isEqualTo(x509.getIssuerX500Principal());
    x509.verify(x509.getPublicKey());
  }

  @Test
  void theFingerprintIsTheSha256OfTheDerInUpperCaseColonSeparatedHex() throws Exception {
    DtlsCertificate certificate =
        DtlsCertificate.selfSigned(CLOCK, DtlsServerSessionTest.seeded(2));

    CertificateFingerprint fingerprint = certificate.fingerprint();

    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(certificate.encoded());
    assertThat(fingerprint.algorithm()).isEqualTo("sha-256");
    assertThat(fingerprint.value())
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
        .isEqualTo(HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256));
    assertThat(fingerprint.sdpValue()).isEqualTo("sha-256 " + fingerprint.value());
    assertThat(fingerprint.matches(certificate.encoded())).isTrue();
  }

  @Test
  void differentRandomnessGivesDifferentKeysAndSerials() throws Exception {
    X509Certificate a =
        parse(DtlsCertificate.selfSigned(CLOCK, DtlsServerSessionTest.seeded(3)).encoded());
    X509Certificate b =
        parse(DtlsCertificate.selfSigned(CLOCK, DtlsServerSessionTest.seeded(4)).encoded());

    assertThat(a.getPublicKey()).isNotEqualTo(b.getPublicKey());
    assertThat(a.getSerialNumber()).isNotEqualTo(b.getSerialNumber());
  }

  @Test
  void anSdpFingerprintParsesWhateverTheCaseAndPrintsCanonically() {
    DtlsCertificate certificate =
        DtlsCertificate.selfSigned(CLOCK, DtlsServerSessionTest.seeded(5));
    String sdp = "SHA-256 " + certificate.fingerprint().value().toLowerCase();

    CertificateFingerprint parsed = CertificateFingerprint.parse("  " + sdp + " ");

    assertThat(parsed).isEqualTo(certificate.fingerprint());
    assertThat(parsed.sdpValue()).isEqualTo(certificate.fingerprint().sdpValue());
  }

  @Test
  void everyHashASdpOfferMayUseIsAccepted() {
    byte[] der = DtlsCertificate.selfSigned(CLOCK, DtlsServerSessionTest.seeded(6)).encoded();

    for (String hash : new String[] {"sha-1", "sha-224", "sha-256", "sha-384", "sha-512"}) {
      CertificateFingerprint f = CertificateFingerprint.of(hash, der);
      assertThat(CertificateFingerprint.parse(f.sdpValue()).matches(der)).isTrue();
    }
  }

  @Test
  void malformedFingerprintsAreRefusedWithAClearMessage() {
    String sha256 = "AB:" + "CD:".repeat(30) + "EF";

    assertInvalid("md5 AB:CD", "'md5' is not supported");
    assertInvalid("sha-256", "must be '<hash> <hex pairs>'");
    assertInvalid("sha-256 AB:CD", "must be 32 hex byte pairs");
    assertInvalid("sha-256 " + sha256.replace(':', '-'), "must be 32 hex byte pairs");
    assertInvalid("sha-1 " + sha256, "must be 20 hex byte pairs");
    assertThat(CertificateFingerprint.parse("sha-256 " + sha256).value()).isEqualTo(sha256);
  }

  private static void assertInvalid(String sdp, String message) {
    assertThatThrownBy(() -> CertificateFingerprint.parse(sdp))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("invalid_fingerprint");
  }

  private static X509Certificate parse(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
