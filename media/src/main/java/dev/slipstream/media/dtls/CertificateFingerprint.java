package dev.slipstream.media.dtls;

import dev.slipstream.platform.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A certificate fingerprint as SDP carries it ({@code a=fingerprint:sha-256 AB:CD:…}, RFC 8122).
 *
 * @param algorithm the hash as SDP names it, lower case: {@code sha-1}, {@code sha-224}, {@code
 *     sha-256}, {@code sha-384} or {@code sha-512}
 * @param value the digest as upper-case hex byte pairs joined by colons
 */
public record CertificateFingerprint(String algorithm, String value) {
  private static final Map<String, String> JCA_NAMES =
      Map.of(
          "sha-1", "SHA-1",
          "sha-224", "SHA-224",
          "sha-256", "SHA-256",
          "sha-384", "SHA-384",
          "sha-512", "SHA-512");
  private static final Pattern HEX_PAIRS = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2})*");
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

  /**
   * Normalises the case and checks the algorithm and the digest's form and length.
   *
   * @throws InvalidInputException with code {@code invalid_fingerprint} when either is wrong
   */
  public CertificateFingerprint {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    algorithm = algorithm.toLowerCase(Locale.ROOT);
    value = value.toUpperCase(Locale.ROOT);
    String jca = JCA_NAMES.get(algorithm);
    if (jca == null) {
      throw invalid(
          "fingerprint hash '" + algorithm + "' is not supported; use " + supportedAlgorithms());
    }
    int expectedBytes = digest(jca).getDigestLength();
    if (!HEX_PAIRS.matcher(value).matches() || (value.length() + 1) / 3 != expectedBytes) {
      throw invalid(
          "a "
              + algorithm
              + " fingerprint must be "
              + expectedBytes
              + " hex byte pairs joined by colons (was '"
              + value
              + "')");
    }
  }

  /**
   * Parses the value of an SDP {@code a=fingerprint:} attribute, e.g. {@code sha-256 AB:CD:…}.
   *
   * @throws InvalidInputException with code {@code invalid_fingerprint} when it is malformed
   */
  public static CertificateFingerprint parse(String sdpValue) {
    String[] parts = sdpValue.strip().split("\\s+");
    if (parts.length != 2) {
      throw invalid("a fingerprint must be '<hash> <hex pairs>' (was '" + sdpValue + "')");
    }
    return new CertificateFingerprint(parts[0], parts[1]);
  }

  /**
   * Computes the fingerprint of a DER-encoded certificate.
   *
   * @param algorithm the hash as SDP names it, e.g. {@code sha-256}
   * @param derCertificate the certificate's DER encoding
   */
  public static CertificateFingerprint of(String algorithm, byte[] derCertificate) {
    String jca = JCA_NAMES.get(algorithm.toLowerCase(Locale.ROOT));
    if (jca == null) {
      throw invalid(
          "fingerprint hash '" + algorithm + "' is not supported; use " + supportedAlgorithms());
    }
    return new CertificateFingerprint(
        algorithm, COLON_HEX.formatHex(digest(jca).digest(derCertificate)));
  }

  /** Returns the text for an SDP {@code a=fingerprint:} attribute: the hash, a space, the value. */
  public String sdpValue() {
    return algorithm + " " + value;
  }

  /** Tells whether a DER-encoded certificate has this fingerprint (in constant time). */
  public boolean matches(byte[] derCertificate) {
    byte[] actual = digest(JCA_NAMES.get(algorithm)).digest(derCertificate);
    return MessageDigest.isEqual(actual, COLON_HEX.parseHex(value));
  }

  /** Returns the digest's length in bytes, which ranks the hashes by strength. */
  int strength() {
    return (value.length() + 1) / 3;
  }

  private static MessageDigest digest(String jcaName) {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + jcaName, e);
    }
  }

  private static String supportedAlgorithms() {
    return "sha-1, sha-224, sha-256, sha-384 or sha-512";
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException("invalid_fingerprint", message);
  }
}
