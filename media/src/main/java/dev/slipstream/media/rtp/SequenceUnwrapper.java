package dev.slipstream.media.rtp;

/**
 * Turns 16-bit sequence numbers into extended ones that count the wrap-arounds (RFC 3550 A.1).
 *
 * <p>Each number is placed within 32767 of the newest seen so far, so late and reordered packets
 * unwrap correctly across a wrap. The first number is returned unchanged; one from before it in the
 * previous cycle comes back negative. Not thread-safe.
 */
public final class SequenceUnwrapper {
  private long highest = Long.MIN_VALUE;

  /** Creates an unwrapper that has seen nothing yet. */
  public SequenceUnwrapper() {}

  /** Returns the extended number for {@code sequenceNumber} and remembers it if it is newest. */
  public long unwrap(int sequenceNumber) {
    int seq = sequenceNumber & 0xFFFF;
    if (highest == Long.MIN_VALUE) {
      highest = seq;
      return seq;
    }
    long extended = highest + SequenceNumbers.distance(seq, (int) highest);
    if (extended > highest) {
      highest = extended;
    }
    return extended;
  }

  /** Returns the newest extended number seen, or {@link Long#MIN_VALUE} before the first. */
  public long highest() {
    return highest;
  }
}
