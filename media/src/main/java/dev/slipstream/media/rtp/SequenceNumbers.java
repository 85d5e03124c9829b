package dev.slipstream.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0.
 *
 * <p>Two numbers are compared by their shortest distance around the circle (RFC 1982 serial number
 * arithmetic), so 0 is newer than 65535 and 65535 is older than 3.
 */
public final class SequenceNumbers {
  private SequenceNumbers() {}

  /** Returns {@code a - b} as the shortest signed distance, -32768 to 32767. */
  public static int distance(int a, int b) {
    return (short) (a - b);
  }

  /** Returns whether {@code a} comes after {@code b}. */
  public static boolean isNewer(int a, int b) {
    return distance(a, b) > 0;
  }

  /** Returns {@code sequenceNumber + delta}, wrapped into 0 to 65535. */
  public static int add(int sequenceNumber, int delta) {
    return (sequenceNumber + delta) & 0xFFFF;
  }
}
