package dev.slipstream.media.rtp;

import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Turns one publisher source into one viewer's outgoing stream: the viewer starts on a keyframe and
 * sees its own SSRC and payload type, and sequence numbers and timestamps that run on without a
 * jump even when it joined mid-stream or was cut off and restarted.
 *
 * <p>Feed it every packet of the source, in arrival order, each as the viewer's own copy: packets
 * before the first keyframe are dropped; from there on each is renumbered by a fixed offset, so a
 * packet the publisher lost stays a gap the viewer can NACK. After {@link #resync()} it drops again
 * until a keyframe, then continues the numbering right after the last packet sent, keeping the
 * timestamp offset so media time stays true. Packets of another SSRC are dropped until one is a
 * keyframe start; then that source takes over, numbered on from the last packet sent, with
 * timestamps advanced by the wall-clock time since it.
 *
 * <p>Thread-safe: packets arrive on the forwarding path while the viewer's NACKs arrive on its
 * feedback path; a lock serialises them.
 */
public interface OutboundStreamRewriter {
  /**
   * Rewrites {@code packet} in place for the viewer, or says why it is dropped.
   *
   * @param packet the viewer's copy of the publisher's packet, still as the publisher sent it
   * @param keyframeStart what the source's {@link KeyframeStartTracker} said about the packet
   */
  RewriteOutcome rewrite(RtpPacket packet, boolean keyframeStart);

  /** Returns the publisher packet behind a sequence number the viewer NACKed, if it had one. */
  Optional<PublisherSequence> publisherSequence(int viewerSequenceNumber);

  /**
   * Rewrites a copy of a cached publisher packet as the viewer's {@code viewerSequenceNumber}, to
   * resend it; returns false when that number does not map to this packet.
   */
  boolean rewriteRetransmission(RtpPacket copy, int viewerSequenceNumber);

  /**
   * Returns {@code publisherTimestamp} of source {@code ssrc} on the viewer's timeline, to turn the
   * publisher's sender report into the viewer's (lip sync); empty unless the viewer is on that
   * source.
   */
  OptionalLong viewerTimestamp(long ssrc, long publisherTimestamp);

  /** Drops packets from now until the next keyframe, for instance after the viewer stalled. */
  void resync();

  /** Returns whether packets are being dropped until a keyframe. */
  boolean waitingForKeyframe();

  /**
   * Returns a rewriter to the viewer's {@code ssrc} and {@code payloadType}, whose RTP clock runs
   * at {@code clockRate} Hz; the first sequence number and timestamp come from {@code random}.
   *
   * @throws IllegalArgumentException when a value is out of its range
   */
  static OutboundStreamRewriter create(
      long ssrc, int payloadType, int clockRate, InstantSource clock, RandomGenerator random) {
    if (ssrc < 0 || ssrc > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("ssrc must be 0 to 4294967295, got " + ssrc);
    }
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payloadType must be 0 to 127, got " + payloadType);
    }
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clockRate must be positive, got " + clockRate);
    }
    return new SegmentedStreamRewriter(ssrc, payloadType, clockRate, clock, random);
  }
}
