package dev.slipstream.media.sfu;

import dev.slipstream.media.sdp.MediaKind;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A publisher's ingest figures: bitrate and frame rate over a sliding window of whole seconds, the
 * keyframe interval, loss, and the feedback the SFU sent. Written on the socket thread and the
 * timer thread, read by anyone.
 */
final class IngestStats {
  private static final int WINDOW_SECONDS = 4;

  private final InstantSource clock;
  private final long[] bytesPerSecond = new long[WINDOW_SECONDS + 1];
  private final long[] framesPerSecond = new long[WINDOW_SECONDS + 1];
  private final long[] secondOfSlot = new long[WINDOW_SECONDS + 1];
  private final Map<Long, Integer> lostBySource = new ConcurrentHashMap<>();
  private final AtomicLong nacks = new AtomicLong();
  private final AtomicLong plis = new AtomicLong();
  private final AtomicLong unknownPayloadTypes = new AtomicLong();
  private final AtomicLong packets = new AtomicLong();
  private volatile long lastKeyframeMillis = -1;
  private volatile long keyframeIntervalMillis;
  private volatile double ingestDelayMillis = -1;

  IngestStats(InstantSource clock) {
    this.clock = clock;
  }

  synchronized void onPacket(MediaKind kind, int bytes, boolean endOfFrame, boolean keyframe) {
    long second = clock.millis() / 1000;
    int slot = (int) (second % secondOfSlot.length);
    if (secondOfSlot[slot] != second) {
      secondOfSlot[slot] = second;
      bytesPerSecond[slot] = 0;
      framesPerSecond[slot] = 0;
    }
    bytesPerSecond[slot] += bytes;
    if (kind == MediaKind.VIDEO && endOfFrame) {
      framesPerSecond[slot]++;
    }
    packets.incrementAndGet();
    if (keyframe) {
      long now = clock.millis();
      if (lastKeyframeMillis >= 0) {
        keyframeIntervalMillis = now - lastKeyframeMillis;
      }
      lastKeyframeMillis = now;
    }
  }

  /**
   * Takes one frame's delay from capture (by the publisher's sender reports) to arrival; the figure
   * kept is a moving average over roughly the last 20 frames.
   */
  void ingestDelay(double millis) {
    double before = ingestDelayMillis;
    ingestDelayMillis = before < 0 ? millis : before + (millis - before) / 20;
  }

  /** Returns the moving average of capture-to-arrival delay in ms, -1 when unknown. */
  double ingestDelayMillis() {
    return ingestDelayMillis;
  }

  /** Returns the bitrate over the last whole seconds, in kbit/s. */
  synchronized long bitrateKbps() {
    return sumOfCompleteSeconds(bytesPerSecond) * 8 / 1000 / WINDOW_SECONDS;
  }

  /** Returns video frames per second over the last whole seconds. */
  synchronized double framesPerSecond() {
    return (double) sumOfCompleteSeconds(framesPerSecond) / WINDOW_SECONDS;
  }

  private long sumOfCompleteSeconds(long[] values) {
    long current = clock.millis() / 1000;
    long sum = 0;
    for (int i = 0; i < values.length; i++) {
      long age = current - secondOfSlot[i];
      if (age >= 1 && age <= WINDOW_SECONDS) {
        sum += values[i];
      }
    }
    return sum;
  }

  long keyframeIntervalMillis() {
    return keyframeIntervalMillis;
  }

  void lossReported(long ssrc, int cumulativeLost) {
    lostBySource.put(ssrc, cumulativeLost);
  }

  long packetsLost() {
    return lostBySource.values().stream().mapToLong(Integer::longValue).sum();
  }

  long packets() {
    return packets.get();
  }

  void countNacks(int count) {
    nacks.addAndGet(count);
  }

  long nacksSent() {
    return nacks.get();
  }

  void countPli() {
    plis.incrementAndGet();
  }

  long pliSent() {
    return plis.get();
  }

  void unknownPayloadType() {
    unknownPayloadTypes.incrementAndGet();
  }
}
