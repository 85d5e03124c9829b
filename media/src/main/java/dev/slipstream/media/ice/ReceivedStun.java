package dev.slipstream.media.ice;

/**
 * A STUN message as it arrived, with the means to check its MESSAGE-INTEGRITY and FINGERPRINT
 * against the exact bytes received.
 */
public final class ReceivedStun {
  private static final int ABSENT = -1;

  private final StunMessage message;
  private final byte[] raw;
  private final int integrityOffset;
  private final int fingerprintOffset;

  /**
   * Wraps a decoded message.
   *
   * @param raw the message's bytes, owned by this object from now on
   * @param integrityOffset where MESSAGE-INTEGRITY starts in {@code raw}, or -1
   * @param fingerprintOffset where FINGERPRINT starts in {@code raw}, or -1
   */
  ReceivedStun(StunMessage message, byte[] raw, int integrityOffset, int fingerprintOffset) {
    this.message = message;
    this.raw = raw;
    this.integrityOffset = integrityOffset;
    this.fingerprintOffset = fingerprintOffset;
  }

  /**
   * Returns the decoded message; MESSAGE-INTEGRITY and FINGERPRINT are not among its attributes.
   */
  public StunMessage message() {
    return message;
  }

  /** Returns the number of bytes the message took on the wire. */
  public int wireLength() {
    return raw.length;
  }

  /** Returns whether the message carries MESSAGE-INTEGRITY. */
  public boolean hasIntegrity() {
    return integrityOffset != ABSENT;
  }

  /** Returns whether the message carries FINGERPRINT. */
  public boolean hasFingerprint() {
    return fingerprintOffset != ABSENT;
  }

  /**
   * Returns whether MESSAGE-INTEGRITY is present and equals the HMAC-SHA1 under {@code key} of the
   * message up to it, with the length field set as if it ended there. Compares in constant time.
   */
  public boolean integrityMatches(byte[] key) {
    if (!hasIntegrity()) {
      return false;
    }
    int lengthAtIntegrity = integrityOffset - StunMessage.HEADER_LENGTH + StunChecksums.MI_SIZE;
    return StunChecksums.integrityMatches(
        key, raw, integrityOffset, lengthAtIntegrity, integrityOffset + 4);
  }

  /**
   * Returns whether FINGERPRINT is present and equals the CRC-32 of the message up to it, XOR
   * 0x5354554e.
   */
  public boolean fingerprintMatches() {
    if (!hasFingerprint()) {
      return false;
    }
    int expected = StunChecksums.fingerprint(raw, fingerprintOffset);
    int actual =
        ((raw[fingerprintOffset + 4] & 0xFF) << 24)
            | ((raw[fingerprintOffset + 5] & 0xFF) << 16)
            | ((raw[fingerprintOffset + 6] & 0xFF) << 8)
            | (raw[fingerprintOffset + 7] & 0xFF);
    return expected == actual;
  }

  @Override
  public String toString() {
    return "ReceivedStun[" + message + ", integrity=" + hasIntegrity() + "]";
  }
}
