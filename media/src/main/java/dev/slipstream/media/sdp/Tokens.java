package dev.slipstream.media.sdp;

/** Number and token checks shared by the attribute parsers, each failing with the line number. */
final class Tokens {
  private Tokens() {}

  static String[] words(String value) {
    String trimmed = value.trim();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
  }

  /** Parses a decimal in {@code [min, max]}, or fails with {@code usage} naming the right form. */
  static long number(int line, String text, long min, long max, String usage) {
    if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
      throw SdpErrors.atLine(line, usage + "; " + SdpErrors.quote(text) + " is not a number");
    }
    long value = Long.parseLong(text);
    if (value < min || value > max) {
      throw SdpErrors.atLine(line, usage + "; " + value + " is outside " + min + " to " + max);
    }
    return value;
  }

  static int integer(int line, String text, int min, int max, String usage) {
    return (int) number(line, text, min, max, usage);
  }

  static int payloadType(int line, String text, String usage) {
    return integer(line, text, 0, 127, usage);
  }

  static long ssrc(int line, String text, String usage) {
    return number(line, text, 0, 0xFFFF_FFFFL, usage);
  }

  /** Tells whether a string is 1+ ICE characters (RFC 8839: letters, digits, + and /). */
  static boolean isIceChars(String text) {
    return !text.isEmpty()
        && text.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '+'
                        || c == '/');
  }
}
