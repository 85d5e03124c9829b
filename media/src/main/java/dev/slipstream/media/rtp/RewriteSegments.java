package dev.slipstream.media.rtp;

import org.jspecify.annotations.Nullable;

/**
 * The last few runs of a viewer's stream, each with the offsets it was rewritten with, so a NACK
 * for a packet sent just before a resync still maps back to the right publisher packet.
 */
final class RewriteSegments {
  /** How many runs are remembered; older ones cannot be NACKed any more. */
  static final int KEPT = 8;

  /**
   * One run.
   *
   * @param sourceSsrc the publisher source it came from
   * @param viewerStart the extended viewer sequence number of its first packet
   * @param sequenceOffset viewer extended sequence number minus the publisher's
   * @param timestampOffset viewer timestamp minus the publisher's, modulo 2^32
   */
  record Segment(long sourceSsrc, long viewerStart, long sequenceOffset, long timestampOffset) {}

  private final Segment[] segments = new Segment[KEPT];
  private int count;

  void add(Segment segment) {
    if (count == KEPT) {
      System.arraycopy(segments, 1, segments, 0, KEPT - 1);
      count--;
    }
    segments[count++] = segment;
  }

  /** Returns the newest run, or null before the first. */
  @Nullable Segment current() {
    return count == 0 ? null : segments[count - 1];
  }

  /** Returns the run that holds extended viewer number {@code viewerExtended}, or null. */
  @Nullable Segment holding(long viewerExtended) {
    for (int i = count - 1; i >= 0; i--) {
      if (segments[i].viewerStart() <= viewerExtended) {
        return segments[i];
      }
    }
    return null;
  }
}
