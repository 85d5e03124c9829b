package dev.slipstream.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What our side of one WebRTC session puts into an answer: ICE credentials, the fingerprint of our
 * DTLS certificate and our host candidates.
 *
 * @param iceUfrag our ICE username fragment, 4 to 256 ICE characters
 * @param icePwd our ICE password, 22 to 256 ICE characters
 * @param fingerprintAlgorithm the hash of the fingerprint, e.g. {@code sha-256}
 * @param fingerprintHex the certificate hash as colon-separated hex bytes, e.g. {@code AB:01:...}
 * @param candidates our host candidates, at least one
 */
public record LocalTransport(
    String iceUfrag,
    String icePwd,
    String fingerprintAlgorithm,
    String fingerprintHex,
    List<Candidate> candidates) {

  /**
   * Checks the fields and normalises the fingerprint to lower-case algorithm and upper-case hex.
   *
   * @throws IllegalArgumentException naming the field, its value and what is allowed
   */
  public LocalTransport {
    if (iceUfrag == null
        || iceUfrag.length() < 4
        || iceUfrag.length() > 256
        || !Tokens.isIceChars(iceUfrag)) {
      throw new IllegalArgumentException(
          "iceUfrag must be 4 to 256 letters, digits, '+' or '/' (was " + iceUfrag + ")");
    }
    if (icePwd == null
        || icePwd.length() < 22
        || icePwd.length() > 256
        || !Tokens.isIceChars(icePwd)) {
      throw new IllegalArgumentException(
          "icePwd must be 22 to 256 letters, digits, '+' or '/' (was "
              + (icePwd == null ? "null" : icePwd.length() + " characters")
              + ")");
    }
    fingerprintAlgorithm =
        Objects.requireNonNull(fingerprintAlgorithm, "fingerprintAlgorithm")
            .toLowerCase(Locale.ROOT);
    fingerprintHex =
        Objects.requireNonNull(fingerprintHex, "fingerprintHex").toUpperCase(Locale.ROOT);
    if (!Fingerprint.isValid(fingerprintAlgorithm, fingerprintHex)) {
      throw new IllegalArgumentException(
          "fingerprint must be sha-1, sha-224, sha-256, sha-384 or sha-512 with that many"
              + " colon-separated hex bytes (was "
              + fingerprintAlgorithm
              + " "
              + fingerprintHex
              + ")");
    }
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must name at least one host candidate");
    }
  }

  /** Returns a transport with these credentials, fingerprint and candidates. */
  public static LocalTransport of(
      IceCredentials ice,
      String fingerprintAlgorithm,
      String fingerprintHex,
      List<Candidate> candidates) {
    return new LocalTransport(
        ice.ufrag(), ice.pwd(), fingerprintAlgorithm, fingerprintHex, candidates);
  }
}
