package dev.slipstream.gateway.auth;

import dev.slipstream.platform.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: 12 to 128 characters, more than one kind of character (lower case,
 * upper case, digits, anything else), not one of the built-in common passwords nor a common word
 * dressed up with digits and symbols, and not containing the email's name part. Each rule has its
 * own error code, so the app can say exactly what to change.
 */
final class PasswordPolicy {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  private static final Set<String> COMMON = load("common-passwords.txt");
  private static final Set<String> COMMON_WORDS = load("common-password-words.txt");

  private PasswordPolicy() {}

  /**
   * Checks {@code password} for the account {@code email} (already normalised).
   *
   * @throws InvalidInputException {@code invalid_password}, {@code password_too_short}, {@code
   *     password_too_long}, {@code password_too_simple}, {@code password_too_common} or {@code
   *     password_contains_email}
   */
  static void check(String password, String email) {
    if (password == null) {
      throw new InvalidInputException("invalid_password", "password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new InvalidInputException(
          "password_too_short",
          "a password needs at least " + MIN_LENGTH + " characters (this one has " + length + ")");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidInputException(
          "password_too_long", "a password may have at most " + MAX_LENGTH + " characters");
    }
    if (kinds(password) < 2) {
      throw new InvalidInputException(
          "password_too_simple",
          "mix at least two kinds of character: lower case, upper case, digits, spaces or symbols");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || COMMON_WORDS.contains(core(lower))) {
      throw new InvalidInputException(
          "password_too_common", "this password is among the most commonly used; choose another");
    }
    String name = email.substring(0, Math.max(0, email.indexOf('@')));
    if (name.length() >= 4 && lower.contains(name)) {
      throw new InvalidInputException(
          "password_contains_email", "a password must not contain the email's name part");
    }
  }

  private static int kinds(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); ) {
      int c = password.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  /** The password without leading and trailing digits and symbols, l33t spelling undone. */
  private static String core(String lower) {
    int start = 0;
    int end = lower.length();
    while (start < end && !Character.isLetter(lower.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
      end--;
    }
    StringBuilder core = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = lower.charAt(i);
      core.append(
          switch (c) {
            case '@', '4' -> 'a';
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
          });
    }
    return core.toString();
  }

  private static Set<String> load(String name) {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the built-in password list " + name + " is missing");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
