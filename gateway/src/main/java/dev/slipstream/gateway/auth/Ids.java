package dev.slipstream.gateway.auth;

import java.util.random.RandomGenerator;

/** Random ids such as {@code usr_k3x9…}: a prefix and 16 lower-case letters and digits. */
final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Ids() {}

  static String next(String prefix, RandomGenerator random) {
    StringBuilder id = new StringBuilder(prefix).append('_');
    for (int i = 0; i < 16; i++) {
      id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
