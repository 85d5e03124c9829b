package dev.slipstream.media.rtp;

/**
 * Marks the packets of one publisher source where a viewer's decoder can start: a {@link
 * PacketKind#KEYFRAME_START} that is also the first picture-carrying packet of its frame.
 *
 * <p>The frame test is what a stateless detector cannot do. A packet begins a frame when it is the
 * newest so far and no picture-carrying packet with its timestamp came before it (an access unit
 * delimiter or SEI may). That keeps viewers from starting on the second slice of an IDR, or on an
 * IDR fragment whose SPS went by one packet earlier. Feed it every packet of the source, on the
 * source's receive path, so the decision is made once and handed to every viewer's {@link
 * OutboundStreamRewriter}. Not thread-safe: one instance per source, one thread.
 */
public final class KeyframeStartTracker {
  private final KeyframeDetector detector;
  private final SequenceUnwrapper sequences = new SequenceUnwrapper();
  private long lastTimestamp = -1;
  private boolean frameHasPicture;

  /** Creates a tracker that classifies payloads with {@code detector}. */
  public KeyframeStartTracker(KeyframeDetector detector) {
    this.detector = detector;
  }

  /** Returns whether a viewer may start on {@code packet}; call once per packet, in order. */
  public boolean isKeyframeStart(RtpPacket packet) {
    long highestBefore = sequences.highest();
    long extended = sequences.unwrap(packet.sequenceNumber());
    if (highestBefore != Long.MIN_VALUE && extended <= highestBefore) {
      return false; // late or repeated: whatever frame it belongs to has begun already
    }
    if (packet.timestamp() != lastTimestamp) {
      lastTimestamp = packet.timestamp();
      frameHasPicture = false;
    }
    PacketKind kind = detector.classify(packet);
    boolean frameStart = !frameHasPicture;
    frameHasPicture |= kind != PacketKind.PREFIX;
    return frameStart && kind == PacketKind.KEYFRAME_START;
  }
}
