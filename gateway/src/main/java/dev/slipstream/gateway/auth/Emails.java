package dev.slipstream.gateway.auth;

import dev.slipstream.platform.InvalidInputException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as account keys: trimmed, NFC-normalised and lower-cased, so {@code
 * Ann@Example.COM } and {@code ann@example.com} are one account.
 */
final class Emails {
  private static final Pattern LOCAL =
      Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\\\p{Cntrl}]{1,64}");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,63}");

  private Emails() {}

  /** Returns the normal form of {@code raw}; does not check that it is an address. */
  static String normalise(String raw) {
    return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the normal form of {@code raw}.
   *
   * @throws InvalidInputException {@code invalid_email} when it is not a plausible address
   */
  static String require(String raw) {
    if (raw == null) {
      throw new InvalidInputException("invalid_email", "email is required");
    }
    String email = normalise(raw);
    int at = email.lastIndexOf('@');
    if (email.length() > 254
        || at < 1
        || !LOCAL.matcher(email.substring(0, at)).matches()
        || !DOMAIN.matcher(email.substring(at + 1)).matches()) {
      throw new InvalidInputException(
          "invalid_email",
          "email must be an address such as ann@example.com, at most 254 characters");
    }
    return email;
  }
}
