package dev.slipstream.media.rtp;

import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites one source for one viewer as a series of runs (segments), each starting on a keyframe
 * and renumbered by one fixed offset; see {@link OutboundStreamRewriter}.
 */
final class SegmentedStreamRewriter implements OutboundStreamRewriter {
  private static final long MASK_32 = 0xFFFFFFFFL;

  private final long viewerSsrc;
  private final int payloadType;
  private final int clockRate;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final ReentrantLock lock = new ReentrantLock();
  private final RewriteSegments segments = new RewriteSegments();
  private long sourceSsrc = -1;
  private SequenceUnwrapper publisherSequences = new SequenceUnwrapper();
  private boolean waiting = true;
  private long segmentPublisherStart;
  private long highestViewer = Long.MIN_VALUE;
  private long lastViewerTimestamp;
  private long lastForwardedMillis;

  SegmentedStreamRewriter(
      long viewerSsrc,
      int payloadType,
      int clockRate,
      InstantSource clock,
      RandomGenerator random) {
    this.viewerSsrc = viewerSsrc;
    this.payloadType = payloadType;
    this.clockRate = clockRate;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public RewriteOutcome rewrite(RtpPacket packet, boolean keyframeStart) {
    lock.lock();
    try {
      if (packet.ssrc() != sourceSsrc) {
        if (!keyframeStart) {
          return waiting ? RewriteOutcome.WAITING_FOR_KEYFRAME : RewriteOutcome.OTHER_SOURCE;
        }
        sourceSsrc = packet.ssrc(); // a new source takes over on its keyframe
        publisherSequences = new SequenceUnwrapper();
        waiting = true;
      }
      long publisher = publisherSequences.unwrap(packet.sequenceNumber());
      if (waiting) {
        if (!keyframeStart) {
          return RewriteOutcome.WAITING_FOR_KEYFRAME;
        }
        startSegment(publisher, packet.timestamp());
      }
      if (publisher < segmentPublisherStart) {
        return RewriteOutcome.BEFORE_KEYFRAME;
      }
      RewriteSegments.Segment segment = segments.current();
      long viewer = publisher + segment.sequenceOffset();
      long timestamp = (packet.timestamp() + segment.timestampOffset()) & MASK_32;
      write(packet, viewer, timestamp);
      if (viewer > highestViewer) {
        highestViewer = viewer;
        lastViewerTimestamp = timestamp;
        lastForwardedMillis = clock.millis();
      }
      return RewriteOutcome.FORWARDED;
    } finally {
      lock.unlock();
    }
  }

  private void startSegment(long publisher, long timestamp) {
    RewriteSegments.Segment previous = segments.current();
    long viewerStart;
    long timestampOffset;
    if (previous == null) {
      viewerStart = random.nextInt(0x10000);
      timestampOffset = (random.nextLong(MASK_32 + 1) - timestamp) & MASK_32;
    } else if (previous.sourceSsrc() == sourceSsrc) {
      viewerStart = highestViewer + 1;
      timestampOffset = previous.timestampOffset(); // same clock: media time stays true
    } else {
      viewerStart = highestViewer + 1;
      long elapsed = Math.max(1, (clock.millis() - lastForwardedMillis) * clockRate / 1000);
      timestampOffset = (lastViewerTimestamp + elapsed - timestamp) & MASK_32;
    }
    segments.add(
        new RewriteSegments.Segment(
            sourceSsrc, viewerStart, viewerStart - publisher, timestampOffset));
    segmentPublisherStart = publisher;
    waiting = false;
  }

  private void write(RtpPacket packet, long viewer, long timestamp) {
    packet.setSequenceNumber((int) viewer);
    packet.setTimestamp(timestamp);
    packet.setSsrc(viewerSsrc);
    packet.setPayloadType(payloadType);
  }

  @Override
  public Optional<PublisherSequence> publisherSequence(int viewerSequenceNumber) {
    lock.lock();
    try {
      RewriteSegments.Segment segment = holding(viewerSequenceNumber);
      if (segment == null) {
        return Optional.empty();
      }
      long viewer = extend(viewerSequenceNumber);
      int publisher = (int) ((viewer - segment.sequenceOffset()) & 0xFFFF);
      return Optional.of(new PublisherSequence(segment.sourceSsrc(), publisher));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean rewriteRetransmission(RtpPacket copy, int viewerSequenceNumber) {
    lock.lock();
    try {
      RewriteSegments.Segment segment = holding(viewerSequenceNumber);
      long viewer = extend(viewerSequenceNumber);
      if (segment == null
          || copy.ssrc() != segment.sourceSsrc()
          || copy.sequenceNumber() != ((viewer - segment.sequenceOffset()) & 0xFFFF)) {
        return false;
      }
      write(copy, viewer, (copy.timestamp() + segment.timestampOffset()) & MASK_32);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private RewriteSegments.@Nullable Segment holding(int viewerSequenceNumber) {
    if (highestViewer == Long.MIN_VALUE) {
      return null;
    }
    long viewer = extend(viewerSequenceNumber);
    return viewer > highestViewer ? null : segments.holding(viewer);
  }

  private long extend(int viewerSequenceNumber) {
    return highestViewer + SequenceNumbers.distance(viewerSequenceNumber, (int) highestViewer);
  }

  @Override
  public OptionalLong viewerTimestamp(long ssrc, long publisherTimestamp) {
    lock.lock();
    try {
      RewriteSegments.Segment segment = segments.current();
      return segment == null || segment.sourceSsrc() != ssrc
          ? OptionalLong.empty()
          : OptionalLong.of((publisherTimestamp + segment.timestampOffset()) & MASK_32);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void resync() {
    lock.lock();
    try {
      waiting = true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean waitingForKeyframe() {
    lock.lock();
    try {
      return waiting;
    } finally {
      lock.unlock();
    }
  }
}
