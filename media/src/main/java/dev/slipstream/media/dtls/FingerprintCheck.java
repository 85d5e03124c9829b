package dev.slipstream.media.dtls;

import java.util.Comparator;
import java.util.List;

/**
 * Checks a peer's certificate against the fingerprints in its SDP. RFC 8122 §5 lets an offer carry
 * several; only those with the strongest hash offered count, so a weak sha-1 line cannot stand in
 * for a sha-256 one.
 */
final class FingerprintCheck {
  private final List<CertificateFingerprint> strongest;

  private FingerprintCheck(List<CertificateFingerprint> strongest) {
    this.strongest = strongest;
  }

  static FingerprintCheck of(List<CertificateFingerprint> offered) {
    int best =
        offered.stream()
            .max(Comparator.comparingInt(CertificateFingerprint::strength))
            .orElseThrow()
            .strength();
    return new FingerprintCheck(offered.stream().filter(f -> f.strength() == best).toList());
  }

  boolean matches(byte[] derCertificate) {
    boolean any = false;
    for (CertificateFingerprint f : strongest) {
      any |= f.matches(derCertificate);
    }
    return any;
  }

  String expected() {
    return strongest.stream().map(CertificateFingerprint::sdpValue).toList().toString();
  }
}
