package dev.slipstream.vision.pipeline;

import dev.slipstream.vision.detect.Detector;
import dev.slipstream.vision.detect.FrameRejectedException;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.track.Detection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A detector that finds one person walking right at 100 px a second of media time, takes as long as
 * it is told, and fails or rejects on the media times it is told: a hand-written fake for pipeline
 * tests.
 */
final class ScriptedDetector implements Detector {
  private final long delayMillis;
  private final Set<Long> failAt;
  private final Set<Long> rejectAt;
  final List<Long> seen = new CopyOnWriteArrayList<>();
  final List<@Nullable Homography> calibrations = new CopyOnWriteArrayList<>();
  volatile boolean closed;
  volatile @Nullable Thread thread;

  ScriptedDetector(long delayMillis, Set<Long> failAt, Set<Long> rejectAt) {
    this.delayMillis = delayMillis;
    this.failAt = failAt;
    this.rejectAt = rejectAt;
  }

  /** Returns where the person is at {@code mediaTimeUs}: 100 px a second to the right. */
  static PixelBox personAt(long mediaTimeUs) {
    return new PixelBox(10 + mediaTimeUs / 10_000.0, 20, 6, 18);
  }

  @Override
  public List<Detection> detect(VideoFrame frame) {
    thread = Thread.currentThread();
    seen.add(frame.mediaTimeMicros());
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failAt.contains(frame.mediaTimeMicros())) {
      throw new IllegalStateException("scripted failure");
    }
    if (rejectAt.contains(frame.mediaTimeMicros())) {
      throw new FrameRejectedException(FrameRejectedException.FOREGROUND_FLOOD, "scripted flood");
    }
    return List.of(new Detection(personAt(frame.mediaTimeMicros()), 0.9));
  }

  @Override
  public void calibrate(@Nullable Homography calibration) {
    calibrations.add(calibration);
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public void close() {
    closed = true;
  }
}
