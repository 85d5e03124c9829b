package dev.slipstream.media.sdp;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A certificate fingerprint from {@code a=fingerprint} (RFC 8122).
 *
 * @param algorithm lower-case hash name such as {@code sha-256}
 * @param hex upper-case colon-separated bytes
 */
record Fingerprint(String algorithm, String hex) {
  private static final Map<String, Integer> BYTES =
      Map.of("sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);
  private static final Pattern HEX = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2})*");

  /** Parses {@code <algorithm> <hex>}, checking the hex has as many bytes as the hash. */
  static Fingerprint parse(int line, String value) {
    String[] parts = value.trim().split("\\s+");
    if (parts.length != 2) {
      throw SdpErrors.atLine(line, "a=fingerprint needs \"a=fingerprint:<hash> <hex bytes>\"");
    }
    String algorithm = parts[0].toLowerCase(Locale.ROOT);
    Integer bytes = BYTES.get(algorithm);
    if (bytes == null) {
      throw SdpErrors.atLine(
          line,
          "a=fingerprint hash "
              + SdpErrors.quote(parts[0])
              + " is not one of sha-1, sha-224, sha-256, sha-384, sha-512");
    }
    String hex = parts[1].toUpperCase(Locale.ROOT);
    if (!HEX.matcher(hex).matches() || (hex.length() + 1) / 3 != bytes) {
      throw SdpErrors.atLine(
          line,
          "a=fingerprint "
              + algorithm
              + " needs "
              + bytes
              + " colon-separated hex bytes, not "
              + SdpErrors.quote(parts[1]));
    }
    return new Fingerprint(algorithm, hex);
  }

  /** Tells whether {@code hex} is a valid fingerprint for {@code algorithm}. */
  static boolean isValid(String algorithm, String hex) {
    Integer bytes = BYTES.get(algorithm);
    return bytes != null && HEX.matcher(hex).matches() && (hex.length() + 1) / 3 == bytes;
  }
}
