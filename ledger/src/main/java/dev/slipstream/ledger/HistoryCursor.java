package dev.slipstream.ledger;

import dev.slipstream.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of a history page: the id of the last transfer shown, encoded. */
final class HistoryCursor {
  private static final String PREFIX = "t:";

  private HistoryCursor() {}

  static String encode(long lastTransferId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastTransferId).getBytes(StandardCharsets.US_ASCII));
  }

  static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        long id = Long.parseLong(text.substring(PREFIX.length()));
        if (id > 0) {
          return id;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal below
    }
    throw new InvalidInputException(
        "invalid_cursor", "history cursor " + cursor + " is not one this ledger gave out");
  }
}
