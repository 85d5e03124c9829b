package dev.slipstream.media.sdp;

import dev.slipstream.platform.InvalidInputException;

/** The three error codes an offer can earn, each with a sentence that says what to fix. */
final class SdpErrors {
  static final String INVALID_SDP = "invalid_sdp";
  static final String NO_SUPPORTED_CODEC = "no_supported_codec";
  static final String NO_COMPATIBLE_CODEC = "no_compatible_codec";

  private SdpErrors() {}

  static InvalidInputException invalid(String message) {
    return new InvalidInputException(INVALID_SDP, message);
  }

  static InvalidInputException atLine(int line, String message) {
    return invalid("line " + line + ": " + message);
  }

  /** Quotes what a client sent, short and with control characters made visible. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    int shown = Math.min(text.length(), 40);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(text.length() > shown ? "...\"" : "\"").toString();
  }
}
