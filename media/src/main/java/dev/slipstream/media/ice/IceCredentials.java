package dev.slipstream.media.ice;

import dev.slipstream.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The ICE credentials of one session (RFC 8445 §5.3, syntax from RFC 8839 §5.4): our user fragment
 * and password, which we put in the SDP answer, and the browser's user fragment from its offer.
 *
 * <p>A Binding request for this session carries USERNAME {@code localUfrag:remoteUfrag} and is
 * signed with {@code localPwd}.
 *
 * @param localUfrag ours: 4 to 256 ice-chars ({@code A-Z a-z 0-9 + /})
 * @param localPwd ours: 22 to 256 ice-chars; the MESSAGE-INTEGRITY key
 * @param remoteUfrag the browser's: 4 to 256 ice-chars
 */
public record IceCredentials(String localUfrag, String localPwd, String remoteUfrag) {
  private static final Pattern ICE_CHARS = Pattern.compile("[A-Za-z0-9+/]*");
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  /** How many characters {@link #generate} gives a user fragment (48 random bits). */
  public static final int GENERATED_UFRAG_LENGTH = 8;

  /** How many characters {@link #generate} gives a password (144 random bits). */
  public static final int GENERATED_PWD_LENGTH = 24;

  /**
   * Checks each value against RFC 8839's grammar.
   *
   * @throws InvalidInputException {@code invalid_ice_ufrag} or {@code invalid_ice_pwd}, naming the
   *     field, the length found and what is allowed (a password is never echoed)
   */
  public IceCredentials {
    requireIceChars("localUfrag", localUfrag, 4, "invalid_ice_ufrag", true);
    requireIceChars("localPwd", localPwd, 22, "invalid_ice_pwd", false);
    requireIceChars("remoteUfrag", remoteUfrag, 4, "invalid_ice_ufrag", true);
  }

  /**
   * Returns fresh local credentials for a session with the browser whose offer had {@code
   * remoteUfrag}.
   *
   * @param random a {@code java.security.SecureRandom} in production: the password is the only
   *     secret that keeps strangers from opening the session's media path
   */
  public static IceCredentials generate(String remoteUfrag, RandomGenerator random) {
    return new IceCredentials(
        randomIceChars(GENERATED_UFRAG_LENGTH, random),
        randomIceChars(GENERATED_PWD_LENGTH, random),
        remoteUfrag);
  }

  /** Returns the USERNAME a Binding request to this session carries. */
  public String expectedUsername() {
    return localUfrag + ":" + remoteUfrag;
  }

  /** Returns the short-term MESSAGE-INTEGRITY key: the local password as UTF-8. */
  public byte[] integrityKey() {
    return localPwd.getBytes(StandardCharsets.UTF_8);
  }

  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "IceCredentials[localUfrag=" + localUfrag + ", remoteUfrag=" + remoteUfrag + "]";
  }

  private static String randomIceChars(int length, RandomGenerator random) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  private static void requireIceChars(
      String field, String value, int min, String code, boolean echo) {
    if (value == null) {
      throw new InvalidInputException(code, field + " is required");
    }
    String shown = echo ? " (was \"" + value + "\")" : "";
    if (value.length() < min || value.length() > 256) {
      throw new InvalidInputException(
          code, field + " must have " + min + " to 256 characters, had " + value.length() + shown);
    }
    if (!ICE_CHARS.matcher(value).matches()) {
      throw new InvalidInputException(
          code, field + " may only hold the characters A-Z, a-z, 0-9, + and /" + shown);
    }
  }
}
