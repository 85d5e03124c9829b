package dev.slipstream.media.ice;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The 96-bit transaction id that pairs a STUN response with its request.
 *
 * @param bytes exactly 12 bytes; the record keeps its own copy
 */
public record StunTransactionId(byte[] bytes) {
  /** The length of a transaction id in bytes. */
  public static final int LENGTH = 12;

  /** Checks the length and copies the bytes, so the caller may reuse its array. */
  public StunTransactionId {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a STUN transaction id has " + LENGTH + " bytes (was " + bytes.length + ")");
    }
    bytes = bytes.clone();
  }

  /** Returns a fresh id drawn from {@code random} (use a {@code SecureRandom} on the wire). */
  public static StunTransactionId random(RandomGenerator random) {
    byte[] id = new byte[LENGTH];
    random.nextBytes(id);
    return new StunTransactionId(id);
  }

  /** Returns a copy of the 12 bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the byte at {@code index} (0 to 11) without copying. */
  byte byteAt(int index) {
    return bytes[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StunTransactionId id && Arrays.equals(bytes, id.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
