package dev.slipstream.media.ingest;

import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;

/** Turns a track's timestamps into 90 kHz ticks (the RTP video clock) since its first one. */
final class MediaTime {
  private static final AVRational TICKS = avutil.av_make_q(1, 90_000);

  private final AVRational timeBase;
  private long first = avutil.AV_NOPTS_VALUE;

  MediaTime(AVRational timeBase) {
    this.timeBase = avutil.av_make_q(timeBase.num(), timeBase.den());
  }

  /** Returns 90 kHz ticks since the first timestamp seen, or -1 when {@code pts} is unknown. */
  long ticks(long pts) {
    if (pts == avutil.AV_NOPTS_VALUE) {
      return -1;
    }
    if (first == avutil.AV_NOPTS_VALUE) {
      first = pts;
    }
    return Math.max(0, avutil.av_rescale_q(pts - first, timeBase, TICKS));
  }

  /** Starts counting from the next timestamp again, for a file that loops. */
  void restart() {
    first = avutil.AV_NOPTS_VALUE;
  }

  /** Returns the RTP media time for {@code ticks} into a pass, plus earlier passes. */
  static long rtp90k(long ticks, PacketPacing pacing) {
    return pacing.offsetTicks() + ticks;
  }
}
