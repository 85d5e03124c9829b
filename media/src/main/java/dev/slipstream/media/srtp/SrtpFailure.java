package dev.slipstream.media.srtp;

/**
 * Why {@link SrtpSession} refused a packet. The protect and unprotect methods return the new length
 * when they succeed and {@link #code()} (always negative) when they fail, so the packet path
 * neither allocates nor throws.
 */
public enum SrtpFailure {
  /** Shorter than the header plus, when unprotecting, the tag. */
  TOO_SHORT(-1),
  /** Not version 2, or the header (CSRCs, extension) runs past the end. */
  MALFORMED(-2),
  /** The authentication tag does not match: forged, corrupted, or keyed differently. */
  AUTH_FAILED(-3),
  /** Already received: the same index is inside the replay window. */
  REPLAYED(-4),
  /** Older than the replay window can tell, so it is refused as a possible replay. */
  TOO_OLD(-5),
  /** Protecting needs room after the packet in the array for the tag (and SRTCP index). */
  BUFFER_TOO_SMALL(-6),
  /** The session already tracks its limit of SSRCs in this direction. */
  TOO_MANY_STREAMS(-7),
  /** The cipher failed for a reason other than the packet (should not happen). */
  CRYPTO_ERROR(-8),
  /** The session was closed and its keys erased. */
  CLOSED(-9);

  private static final SrtpFailure[] BY_CODE = new SrtpFailure[values().length + 1];

  static {
    for (SrtpFailure f : values()) {
      BY_CODE[-f.code] = f;
    }
  }

  private final int code;

  SrtpFailure(int code) {
    this.code = code;
  }

  /** Returns the negative number a protect or unprotect method returns for this failure. */
  public int code() {
    return code;
  }

  /**
   * Returns the failure a protect or unprotect result stands for.
   *
   * @param result a negative result
   * @return the failure
   * @throws IllegalArgumentException if the result is a length (zero or more) or unknown
   */
  public static SrtpFailure fromResult(int result) {
    if (result >= 0 || -result >= BY_CODE.length) {
      throw new IllegalArgumentException("not an SRTP failure code: " + result);
    }
    return BY_CODE[-result];
  }
}
