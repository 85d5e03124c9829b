package dev.slipstream.media.sdp;

import java.util.random.RandomGenerator;

/**
 * Our ICE username fragment and password for one session (RFC 8839 section 5.4).
 *
 * @param ufrag the username fragment, which peers put in STUN USERNAME
 * @param pwd the password that keys STUN MESSAGE-INTEGRITY; a secret
 */
public record IceCredentials(String ufrag, String pwd) {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** Length of a generated ufrag; RFC 8839 asks for at least 4 characters. */
  public static final int UFRAG_LENGTH = 8;

  /** Length of a generated pwd: 32 characters from 62 carry about 190 bits (at least 22 asked). */
  public static final int PWD_LENGTH = 32;

  /**
   * Draws fresh credentials.
   *
   * @param random where the characters come from; a {@link java.security.SecureRandom} in
   *     production, because the pwd keys the STUN checks; a seeded generator in tests
   */
  public static IceCredentials generate(RandomGenerator random) {
    return new IceCredentials(draw(random, UFRAG_LENGTH), draw(random, PWD_LENGTH));
  }

  private static String draw(RandomGenerator random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
