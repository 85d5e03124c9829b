package dev.slipstream.media.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A stream's secret publish key, as shown to its broadcaster once. Only its SHA-256 is stored, so a
 * leaked database does not let anyone publish.
 *
 * @param value the key, {@code sk_} and 32 letters or digits (about 190 bits)
 */
public record PublishKey(String value) {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int LENGTH = 32;

  /** Returns a fresh key from {@code random}, which must be a cryptographic generator. */
  static PublishKey generate(RandomGenerator random) {
    StringBuilder key = new StringBuilder("sk_");
    for (int i = 0; i < LENGTH; i++) {
      key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new PublishKey(key.toString());
  }

  /** Returns the hex SHA-256 of a presented key, as stored. */
  static String hash(String presented) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Never prints the key itself. */
  @Override
  public String toString() {
    return "PublishKey[***]";
  }
}
