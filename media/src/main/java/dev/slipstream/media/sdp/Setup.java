package dev.slipstream.media.sdp;

import java.util.Locale;

/** The DTLS role an {@code a=setup} line asks for (RFC 4145, RFC 5763). */
enum Setup {
  ACTPASS,
  ACTIVE,
  PASSIVE,
  HOLDCONN;

  static Setup parse(int line, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "actpass" -> ACTPASS;
      case "active" -> ACTIVE;
      case "passive" -> PASSIVE;
      case "holdconn" -> HOLDCONN;
      default ->
          throw SdpErrors.atLine(
              line,
              "a=setup must be actpass, active, passive or holdconn, not "
                  + SdpErrors.quote(value));
    };
  }
}
