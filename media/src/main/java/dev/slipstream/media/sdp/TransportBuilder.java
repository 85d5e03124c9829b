package dev.slipstream.media.sdp;

import org.jspecify.annotations.Nullable;

/** Collects the ICE and DTLS attributes of one level (session or media section). */
final class TransportBuilder {
  private static final String CANDIDATE_USAGE =
      "a=candidate needs \"a=candidate:<foundation> <component> <transport> <priority>"
          + " <address> <port> typ <type>\"";

  private @Nullable String iceUfrag;
  private @Nullable String icePwd;
  private @Nullable Fingerprint fingerprint;
  private @Nullable Setup setup;

  /** Takes an ICE or DTLS attribute line; returns false if the line is none of those. */
  boolean accept(SdpLine line) {
    String value = line.attributeValue().trim();
    switch (line.attributeName()) {
      case "ice-ufrag" -> iceUfrag = credential(line, value, "a=ice-ufrag", 4);
      case "ice-pwd" -> icePwd = credential(line, value, "a=ice-pwd", 22);
      case "fingerprint" -> fingerprint(Fingerprint.parse(line.number(), value));
      case "setup" -> setup = Setup.parse(line.number(), value);
      case "candidate" -> candidate(line.number(), value);
      case "ice-options", "end-of-candidates", "ice-lite" -> {}
      default -> {
        return false;
      }
    }
    return true;
  }

  TransportAttributes build() {
    return new TransportAttributes(iceUfrag, icePwd, fingerprint, setup);
  }

  private static String credential(SdpLine line, String value, String name, int minimum) {
    if (value.length() < minimum || value.length() > 256 || !Tokens.isIceChars(value)) {
      throw SdpErrors.atLine(
          line.number(),
          name
              + " must be "
              + minimum
              + " to 256 letters, digits, '+' or '/', not "
              + SdpErrors.quote(value));
    }
    return value;
  }

  private void fingerprint(Fingerprint offered) {
    // Several may be offered (RFC 8122); keep sha-256, which every DTLS stack here computes.
    if (fingerprint == null
        || (!fingerprint.algorithm().equals("sha-256") && offered.algorithm().equals("sha-256"))) {
      fingerprint = offered;
    }
  }

  /** Checks a remote candidate's shape; an ICE-lite server learns addresses from STUN instead. */
  private static void candidate(int line, String value) {
    String[] w = Tokens.words(value);
    if (w.length < 8 || !w[6].equals("typ")) {
      throw SdpErrors.atLine(line, CANDIDATE_USAGE);
    }
    Tokens.integer(line, w[1], 1, 256, CANDIDATE_USAGE);
    Tokens.number(line, w[3], 0, 0xFFFF_FFFFL, CANDIDATE_USAGE);
    Tokens.integer(line, w[5], 0, 65535, CANDIDATE_USAGE);
  }
}
