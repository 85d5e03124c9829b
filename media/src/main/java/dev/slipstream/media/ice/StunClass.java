package dev.slipstream.media.ice;

/** The class of a STUN message (RFC 8489 §5), the two C bits of its message type. */
public enum StunClass {
  /** Asks for a response. */
  REQUEST,
  /** Needs no response. */
  INDICATION,
  /** Answers a request that succeeded. */
  SUCCESS_RESPONSE,
  /** Answers a request that failed; carries an ERROR-CODE. */
  ERROR_RESPONSE;

  /** The STUN method this codebase speaks: Binding (0x001). */
  public static final int BINDING = 0x001;

  private static final StunClass[] BY_BITS = values();

  /**
   * Returns the 14-bit message type for this class and {@code method}, interleaving the class bits
   * C0 (bit 4) and C1 (bit 8) with the 12 method bits.
   */
  int messageType(int method) {
    int c = ordinal();
    return (method & 0x000F)
        | ((method & 0x0070) << 1)
        | ((method & 0x0F80) << 2)
        | ((c & 1) << 4)
        | ((c & 2) << 7);
  }

  /** Returns the class encoded in a 14-bit message type. */
  static StunClass ofMessageType(int type) {
    return BY_BITS[((type >> 4) & 1) | ((type >> 7) & 2)];
  }

  /** Returns the method encoded in a 14-bit message type. */
  static int methodOf(int type) {
    return (type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80);
  }
}
