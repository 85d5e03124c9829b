package dev.slipstream.gateway.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data for storage and makes keyed lookups of it.
 *
 * <p>A sealed value is {@code v1.<key id>.<base64url(96-bit nonce ‖ AES-256-GCM ciphertext and
 * tag)>}: the key id travels with each value, so values under an old key still open after a new one
 * is put first, and {@link #isCurrent} finds those to re-seal. The caller's {@code context} (e.g.
 * the row id and column) is authenticated as associated data, so a value copied into another row or
 * column does not open. Blind indexes and fingerprints are HMAC-SHA256 under the index key: equal
 * inputs give equal outputs, and nothing about the input can be read back without the key.
 */
public final class PiiCipher {
  private static final String PREFIX = "v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final HexFormat HEX = HexFormat.of();

  private final PiiKeys keys;
  private final RandomGenerator random;

  /** Returns a cipher over {@code keys}; {@code random} must be cryptographically strong. */
  public PiiCipher(PiiKeys keys, RandomGenerator random) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Returns whether these are the built-in demo keys. */
  public boolean devDefault() {
    return keys.devDefault();
  }

  /** Encrypts {@code plaintext} under the current key, bound to {@code context}. */
  public String seal(String plaintext, String context) {
    String keyId = keys.currentKeyId();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed =
        crypt(
            Cipher.ENCRYPT_MODE,
            keyId,
            nonce,
            context,
            plaintext.getBytes(StandardCharsets.UTF_8),
            0);
    byte[] out = new byte[NONCE_BYTES + sealed.length];
    System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return PREFIX + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /**
   * Decrypts a value {@link #seal} made with the same {@code context}.
   *
   * @throws IllegalStateException when it is garbled, under an unknown key, or was made for another
   *     context: stored data was tampered with or the keys are wrong, which no caller can fix
   */
  public String open(String sealed, String context) {
    String[] parts = sealed.split("\\.", 3);
    if (parts.length != 3 || !sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("a stored personal value is not in the sealed format");
    }
    if (!keys.dataKeys().containsKey(parts[1])) {
      throw new IllegalStateException(
          "a stored personal value is sealed under key " + parts[1] + ", which is not configured");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("a stored personal value is not base64", e);
    }
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("a stored personal value is truncated");
    }
    byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
    byte[] plain = crypt(Cipher.DECRYPT_MODE, parts[1], nonce, context, bytes, NONCE_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }

  /** Returns whether {@code sealed} is under the key that encrypts new values. */
  public boolean isCurrent(String sealed) {
    return sealed.startsWith(PREFIX + keys.currentKeyId() + ".");
  }

  /** Returns the blind index of a normalised email: 64 hex digits. */
  public String emailIndex(String normalisedEmail) {
    return HEX.formatHex(mac("email:" + normalisedEmail));
  }

  /**
   * Returns a keyed fingerprint of {@code value} of {@code kind} (e.g. {@code device}, {@code ip}):
   * 32 characters, equal for equal inputs, unreadable without the index key.
   */
  public String fingerprint(String kind, String value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(java.util.Arrays.copyOf(mac(kind + ":" + value), 24));
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.indexKey(), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private byte[] crypt(
      int mode, String keyId, byte[] nonce, String context, byte[] input, int offset) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          mode,
          new SecretKeySpec(keys.dataKeys().get(keyId), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input, offset, input.length - offset);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalStateException(
          "a stored personal value does not open: tampered with, moved, or the wrong key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
    }
  }
}
