package dev.slipstream.gateway.auth;

import dev.slipstream.gateway.auth.AuthSettings.PasswordCost;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (BouncyCastle) in the PHC string format, {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, so that each hash carries the cost it was made
 * with and can be upgraded when the cost goes up.
 *
 * <p>Each hash takes {@code m} KiB of memory for tens of milliseconds. With virtual threads any
 * number of sign-ins could run at once, so a semaphore lets only a few hash at a time: a burst of
 * sign-ins queues instead of exhausting the heap.
 */
final class Argon2idHasher {
  private static final Pattern ENCODED =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

  private final PasswordCost cost;
  private final RandomGenerator random;
  private final Semaphore hashing;

  /** A parsed hash: its cost, salt and digest. */
  record Encoded(PasswordCost cost, byte[] salt, byte[] hash) {}

  Argon2idHasher(PasswordCost cost, RandomGenerator random) {
    this.cost = cost;
    this.random = random;
    this.hashing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
  }

  /** Returns a new hash of {@code password} with a fresh salt at the current cost. */
  String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, cost, HASH_BYTES);
    return encode(cost, salt, hash);
  }

  /** Formats a hash as a PHC string. */
  static String encode(PasswordCost cost, byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m="
        + cost.memoryKib()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.parallelism()
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /** Parses a PHC string, or says it is not one this hasher made. */
  static Optional<Encoded> parse(String encoded) {
    Matcher m = ENCODED.matcher(encoded);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Encoded(
              new PasswordCost(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3))),
              B64_DECODE.decode(m.group(4)),
              B64_DECODE.decode(m.group(5))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Says whether {@code password} matches {@code encoded}, comparing in constant time. A malformed
   * hash matches nothing.
   */
  boolean verify(String password, String encoded) {
    Optional<Encoded> parsed = parse(encoded);
    if (parsed.isEmpty()) {
      return false;
    }
    Encoded e = parsed.get();
    byte[] actual = derive(password, e.salt(), e.cost(), e.hash().length);
    return MessageDigest.isEqual(actual, e.hash());
  }

  /** Says whether {@code encoded} was made at a lower cost than today's and should be redone. */
  boolean needsUpgrade(String encoded) {
    return parse(encoded).map(e -> e.cost().weakerThan(cost)).orElse(true);
  }

  private byte[] derive(String password, byte[] salt, PasswordCost cost, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .build();
    byte[] secret =
        Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    hashing.acquireUninterruptibly();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters);
      generator.generateBytes(secret, out);
    } finally {
      hashing.release();
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }
}
