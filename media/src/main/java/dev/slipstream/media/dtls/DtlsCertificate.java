package dev.slipstream.media.dtls;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The certificate and key this server proves itself with in DTLS. Peers check it only against the
 * fingerprint in our SDP answer (RFC 8827 §6.5), so it is self-signed and one serves the whole
 * process.
 */
public sealed interface DtlsCertificate permits SelfSignedCertificate {

  /**
   * Generates a self-signed ECDSA P-256 certificate valid from 30 days before now to a year after.
   *
   * @param clock where "now" comes from
   * @param random the source of the key pair, the serial number and the signature's nonce
   */
  static DtlsCertificate selfSigned(InstantSource clock, SecureRandom random) {
    return SelfSignedCertificate.generate(clock, random);
  }

  /** Returns the SHA-256 fingerprint to put in {@code a=fingerprint:} of our SDP. */
  CertificateFingerprint fingerprint();

  /** Returns the first instant the certificate is valid. */
  Instant notBefore();

  /** Returns the last instant the certificate is valid. */
  Instant notAfter();

  /** Returns the certificate's DER encoding. */
  byte[] encoded();
}
