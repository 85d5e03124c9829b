package dev.slipstream.media.decode;

import dev.slipstream.media.rtp.RtpPacket;
import dev.slipstream.media.rtp.SequenceNumbers;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * What every codec's depacketizer shares: a frame is every packet with one RTP timestamp, completed
 * by the marker bit or by the next timestamp; a gap in the sequence numbers breaks the frame and
 * every later one until a keyframe. Subclasses read their payload format into {@link #frame} and
 * say whether what they read is a keyframe and whole.
 */
abstract class FrameDepacketizer implements Depacketizer {
  /** The frame being rebuilt, as the decoder will take it. */
  final ByteArrayOutputStream frame = new ByteArrayOutputStream();

  /** Whether frames are spoilt until the next keyframe; payload readers set it on bad input. */
  boolean broken = true;

  private long timestamp = -1;
  private int lastSequence = -1;
  private long discarded;

  @Override
  public final Optional<EncodedFrame> push(RtpPacket packet) {
    Optional<EncodedFrame> done = Optional.empty();
    if (packet.timestamp() != timestamp) {
      done = finish();
      start(packet.timestamp());
    }
    if (lastSequence >= 0 && packet.sequenceNumber() != SequenceNumbers.add(lastSequence, 1)) {
      broken = true;
    }
    lastSequence = packet.sequenceNumber();
    read(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
    if (packet.marker()) {
      Optional<EncodedFrame> marked = finish();
      start(-1);
      return marked.isPresent() ? marked : done;
    }
    return done;
  }

  @Override
  public final long discarded() {
    return discarded;
  }

  /** Forgets the payload reader's state of the previous frame. */
  abstract void resetFrame();

  /** Reads one packet's payload into {@link #frame}. */
  abstract void read(byte[] buf, int off, int len);

  /** Whether the frame read is a keyframe. */
  abstract boolean keyframe();

  /** Whether the frame read has its start and end (no fragment left open). */
  abstract boolean whole();

  private void start(long rtpTimestamp) {
    frame.reset();
    timestamp = rtpTimestamp;
    resetFrame();
  }

  private Optional<EncodedFrame> finish() {
    if (timestamp < 0 || frame.size() == 0) {
      return Optional.empty();
    }
    boolean keyframe = keyframe();
    if (keyframe) {
      broken = false;
    }
    if (broken || !whole()) {
      discarded++;
      return Optional.empty();
    }
    return Optional.of(new EncodedFrame(frame.toByteArray(), timestamp, keyframe));
  }
}
