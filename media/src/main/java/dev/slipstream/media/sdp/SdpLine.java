package dev.slipstream.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <type>=<value>} line of an SDP with its 1-based line number.
 *
 * @param number where it stands, for error messages
 * @param type the single letter before {@code =}
 * @param value everything after {@code =}
 */
record SdpLine(int number, char type, String value) {

  /** The largest SDP accepted; Chromium's richest offers are under 10 KiB. */
  static final int MAX_CHARS = 64 * 1024;

  /**
   * Splits an SDP into lines, accepting CRLF or bare LF endings and skipping blank lines.
   *
   * @throws dev.slipstream.platform.InvalidInputException {@code invalid_sdp} when the text is
   *     empty, too long, holds control characters, or a line is not {@code <letter>=<value>}
   */
  static List<SdpLine> split(String sdp) {
    if (sdp.length() > MAX_CHARS) {
      throw SdpErrors.invalid(
          "the SDP is " + sdp.length() + " characters; at most " + MAX_CHARS + " are accepted");
    }
    if (sdp.isBlank()) {
      throw SdpErrors.invalid("the SDP is empty");
    }
    List<SdpLine> lines = new ArrayList<>();
    String[] raw = sdp.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String text = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
      if (text.isEmpty()) {
        continue;
      }
      lines.add(parse(i + 1, text));
    }
    return lines;
  }

  private static SdpLine parse(int number, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\ufffd') {
        throw SdpErrors.atLine(number, "holds bytes that are not UTF-8 text (is this an SDP?)");
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw SdpErrors.atLine(
            number, String.format("holds the control character \\x%02x", (int) c));
      }
    }
    char type = text.charAt(0);
    if (text.length() < 2 || type < 'a' || type > 'z' || text.charAt(1) != '=') {
      throw SdpErrors.atLine(
          number, "expected \"<letter>=<value>\" but found " + SdpErrors.quote(text));
    }
    return new SdpLine(number, type, text.substring(2));
  }

  /** Returns the attribute name of an {@code a=} line: the text before the first colon. */
  String attributeName() {
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  /** Returns the attribute value of an {@code a=} line: the text after the first colon. */
  String attributeValue() {
    int colon = value.indexOf(':');
    return colon < 0 ? "" : value.substring(colon + 1);
  }
}
