package dev.slipstream.media.ice;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two checks a STUN message can carry: MESSAGE-INTEGRITY and FINGERPRINT. */
final class StunChecksums {
  /** The size of the whole MESSAGE-INTEGRITY attribute: 4-byte header and 20-byte HMAC. */
  static final int MI_SIZE = 24;

  /** The size of the whole FINGERPRINT attribute: 4-byte header and 4-byte CRC. */
  static final int FP_SIZE = 8;

  private static final int FINGERPRINT_XOR = 0x5354554e;

  private StunChecksums() {}

  /**
   * Returns the HMAC-SHA1 under {@code key} of {@code message[0, end)}, with the header's length
   * field read as {@code lengthField} instead of what the bytes hold.
   */
  static byte[] hmac(byte[] key, byte[] message, int end, int lengthField) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      mac.update(message, 0, 2);
      mac.update((byte) (lengthField >>> 8));
      mac.update((byte) lengthField);
      mac.update(message, 4, end - 4);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      // Every Java runtime must provide HmacSHA1, so this is a broken runtime, not bad input.
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  /**
   * Returns whether the 20 bytes at {@code hmacAt} equal the HMAC of {@code message[0, end)}
   * (length field read as {@code lengthField}), compared in constant time.
   */
  static boolean integrityMatches(
      byte[] key, byte[] message, int end, int lengthField, int hmacAt) {
    if (key.length == 0) {
      return false;
    }
    byte[] expected = hmac(key, message, end, lengthField);
    byte[] actual = new byte[expected.length];
    System.arraycopy(message, hmacAt, actual, 0, actual.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Returns the FINGERPRINT value for {@code message[0, end)}, whose header must already count the
   * FINGERPRINT attribute in its length field.
   */
  static int fingerprint(byte[] message, int end) {
    CRC32 crc = new CRC32();
    crc.update(message, 0, end);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }
}
