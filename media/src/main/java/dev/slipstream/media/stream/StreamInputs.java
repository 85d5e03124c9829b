package dev.slipstream.media.stream;

import dev.slipstream.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Checks what callers send the directory: titles, paging cursors and limits. */
final class StreamInputs {
  private static final int MAX_TITLE_LENGTH = 120;

  private StreamInputs() {}

  static String title(String title) {
    String clean = title == null ? "" : title.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("invalid_title", "title must not be blank");
    }
    if (clean.codePointCount(0, clean.length()) > MAX_TITLE_LENGTH) {
      throw new InvalidInputException(
          "invalid_title", "title must be at most " + MAX_TITLE_LENGTH + " characters");
    }
    if (clean.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("invalid_title", "title must not contain control characters");
    }
    return clean;
  }

  static int limit(int limit) {
    if (limit < 1 || limit > StreamDirectory.MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "invalid_limit",
          "limit must be 1–" + StreamDirectory.MAX_PAGE_SIZE + " (was " + limit + ")");
    }
    return limit;
  }

  static String encodeCursor(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("s" + seq).getBytes(StandardCharsets.US_ASCII));
  }

  static long decodeCursor(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (raw.matches("s\\d{1,18}")) {
        return Long.parseLong(raw.substring(1));
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the same answer as any other unreadable cursor.
    }
    throw new InvalidInputException(
        "invalid_cursor", "cursor is not one this server handed out: " + cursor);
  }
}
