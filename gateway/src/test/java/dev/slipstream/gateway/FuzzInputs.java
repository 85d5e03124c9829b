package dev.slipstream.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded bad input for the fuzz tests: bodies that are not JSON, cut short, nested absurdly deep,
 * too large, of the wrong shape, or of the right shape with values no route accepts (wrong types,
 * negative, zero, huge, empty, control characters), plus junk path segments and query values. Never
 * a valid request: the generator has no value that could pass any route's checks, so every answer
 * must be a refusal.
 */
final class FuzzInputs {
  private static final String NASTY = "\"\\\u0000\u0001\u200b\ud83c\udfc3'<>{}[]:,@%$ \t\n";

  /**
   * Values no field of any route accepts: wrong types, out-of-range numbers and empty or
   * control-character strings. (No positive in-range number, no plausible word.)
   */
  private static final List<String> BAD_VALUES =
      List.of(
          "null",
          "\"\"",
          "\" \"",
          "-1",
          "0",
          "-9223372036854775808",
          "9223372036854775807",
          "18446744073709551616",
          "1e999",
          "-1e999",
          "0.5",
          "2147483647",
          "2147483648",
          "99999999999",
          "[]",
          "{}",
          "[null]",
          "[\"\"]",
          "[\"root\"]",
          "\"\\u0000\"",
          "\"tok_\\u0000\"",
          "{\"$ne\":null}");

  private final SplittableRandom random;

  FuzzInputs(long seed) {
    random = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** A body for a route that takes the JSON object with {@code fields}; never a valid one. */
  String body(List<String> fields, int maxBytes) {
    return switch (random.nextInt(12)) {
      case 0 -> randomBytes(300);
      case 1 -> "";
      case 2 -> "null";
      case 3 -> "[" + object(fields) + "]";
      case 4 -> {
        String whole = object(fields);
        yield whole.substring(0, random.nextInt(Math.max(1, whole.length() - 1)));
      }
      case 5 -> "[".repeat(random.nextInt(1, 3000)) + "]".repeat(random.nextInt(3));
      case 6 -> "{\"a\":".repeat(random.nextInt(1, 2000)) + "1";
      case 7 ->
          "{\""
              + (fields.isEmpty() ? "x" : pick(fields))
              + "\":\""
              + "x".repeat(maxBytes + random.nextInt(1, 4096))
              + "\"}";
      case 8 -> object(fields).replaceFirst("\\{", "{\"__proto__\":1,");
      case 9 ->
          "{\"" + (fields.isEmpty() ? "x" : pick(fields)) + "\":\"\\u0000" + text(false) + "\"}";
      default -> object(fields);
    };
  }

  /** A JSON object with some of {@code fields}, each a bad value; at least one field. */
  String object(List<String> fields) {
    if (fields.isEmpty()) {
      return "{\"unexpected\":" + pick(BAD_VALUES) + "}";
    }
    StringBuilder object = new StringBuilder("{");
    int count = random.nextInt(1, fields.size() + 1);
    for (int i = 0; i < count; i++) {
      object
          .append(i == 0 ? "" : ",")
          .append('"')
          .append(pick(fields))
          .append("\":")
          .append(pick(BAD_VALUES));
    }
    return object.append('}').toString();
  }

  /** A bad value for one JSON field. */
  String badValue() {
    return pick(BAD_VALUES);
  }

  /** A path segment that names nothing: random text, encoded junk, very long, dot segments. */
  String pathSegment() {
    return switch (random.nextInt(8)) {
      case 0 -> "0";
      case 1 -> "-1";
      case 2 -> "9223372036854775808";
      case 3 -> "%00";
      case 4 -> "str_" + "z".repeat(random.nextInt(1, 3000));
      case 5 -> "%F0%9F%8F%83%E2%80%8B%27%3C";
      case 6 -> "usr_nosuchuser000000";
      default -> Long.toString(random.nextLong(Long.MAX_VALUE));
    };
  }

  /** A query value no parameter accepts. */
  String queryValue() {
    return switch (random.nextInt(9)) {
      case 0 -> "";
      case 1 -> "-1";
      case 2 -> "0";
      case 3 -> "99999999999999999999";
      case 4 -> "1e3";
      case 5 -> "%00";
      case 6 -> "%E2%80%8B";
      case 7 -> "x".repeat(random.nextInt(1, 2000));
      default -> "zz%27%22%3C";
    };
  }

  /** Printable and control characters, escaped as a JSON string. */
  String text(boolean quoted) {
    StringBuilder text = new StringBuilder(quoted ? "\"" : "");
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      char c = NASTY.charAt(random.nextInt(NASTY.length()));
      text.append(
          c == '"' || c == '\\'
              ? "\\" + c
              : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return text.append(quoted ? "\"" : "").toString();
  }

  /** Up to {@code max} random bytes, as Latin-1 text so they go on the wire unchanged. */
  String randomBytes(int max) {
    byte[] bytes = new byte[random.nextInt(max)];
    random.nextBytes(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Random bytes. */
  byte[] bytes(int max) {
    byte[] bytes = new byte[random.nextInt(max)];
    random.nextBytes(bytes);
    return bytes;
  }
}
