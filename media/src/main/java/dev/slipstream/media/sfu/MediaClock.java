package dev.slipstream.media.sfu;

import java.time.Instant;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * A stream's media clock: media time zero is the first video packet the publisher sent, and media
 * time advances with that source's RTP timestamps (unwrapped past 2^32), so every frame, every
 * analytics result and every bet can name the same instant of the broadcast.
 *
 * <p>Written by the socket thread only; readers see the zero point through a volatile record.
 */
final class MediaClock {
  /** Media time zero: the publisher's video source, its RTP timestamp, and the wall clock then. */
  record Zero(long ssrc, long rtpTimestamp, int clockRate, Instant wallClock) {}

  private final InstantSource clock;
  private volatile @Nullable Zero zero;
  private long lastTimestamp;
  private long sinceZero;

  MediaClock(InstantSource clock) {
    this.clock = clock;
  }

  /**
   * Returns the media time in microseconds of a video packet's RTP timestamp. Timestamps are
   * followed by their signed 32-bit distance from the previous one, so wrap-around and reordered
   * packets both land where they belong.
   */
  long observe(long ssrc, long rtpTimestamp, int clockRate) {
    Zero z = zero;
    if (z == null || z.ssrc() != ssrc) {
      z = new Zero(ssrc, rtpTimestamp, clockRate, clock.instant());
      zero = z;
      lastTimestamp = rtpTimestamp;
      sinceZero = 0;
    }
    long step = (rtpTimestamp - lastTimestamp) & 0xFFFF_FFFFL;
    if (step >= 0x8000_0000L) {
      step -= 0x1_0000_0000L;
    }
    sinceZero += step;
    lastTimestamp = rtpTimestamp;
    return sinceZero * 1_000_000L / z.clockRate();
  }

  /** Returns media time zero, once the first video packet arrived. */
  @Nullable Zero zero() {
    return zero;
  }
}
