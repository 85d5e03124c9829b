package dev.slipstream.markets.live;

import dev.slipstream.markets.pricing.DriftVolatility;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One tracked athlete's recent measurements on a stream: the speed series (with its online drift
 * and volatility), the strides completed, and when the track was last seen. Keeps the last 30 s.
 */
public final class TrackSeries {
  /** One measurement at a media time. */
  public record Sample(long mediaTimeUs, double value) {}

  private static final long KEEP_MICROS = 30_000_000;

  private final int trackId;
  private final DriftVolatility speed = new DriftVolatility(3);
  private final ArrayDeque<Sample> speeds = new ArrayDeque<>();
  private final ArrayDeque<Sample> strides = new ArrayDeque<>();
  private long lastSeenUs = Long.MIN_VALUE;
  private boolean lost;
  private double x;
  private double y;
  private double vx;
  private double vy;

  TrackSeries(int trackId) {
    this.trackId = trackId;
  }

  public int trackId() {
    return trackId;
  }

  void speed(long mediaTimeUs, double metresPerSecond) {
    if (mediaTimeUs <= lastSeenUs) {
      return;
    }
    speed.add(mediaTimeUs / 1e6, metresPerSecond);
    speeds.addLast(new Sample(mediaTimeUs, metresPerSecond));
    lastSeenUs = mediaTimeUs;
    while (!speeds.isEmpty() && speeds.peekFirst().mediaTimeUs() < mediaTimeUs - KEEP_MICROS) {
      speeds.removeFirst();
    }
  }

  /** Where the athlete is now on the ground (metres) and how fast it moves there (m/s). */
  void motion(double x, double y, double vx, double vy) {
    this.x = x;
    this.y = y;
    this.vx = vx;
    this.vy = vy;
  }

  /** Seconds until the athlete, keeping its velocity, leaves what the camera sees. */
  double secondsToLeave(ViewExtent view) {
    return view.secondsToLeave(x, y, vx, vy);
  }

  void stride(long mediaTimeUs, double metres) {
    Sample last = strides.peekLast();
    if (metres > 0 && (last == null || last.value() != metres)) {
      strides.addLast(new Sample(mediaTimeUs, metres));
      if (strides.size() > 30) {
        strides.removeFirst();
      }
    }
  }

  void lost() {
    lost = true;
  }

  public boolean isLost() {
    return lost;
  }

  public long lastSeenUs() {
    return lastSeenUs;
  }

  /** The latest speed, m/s; 0 before any. */
  public double currentSpeed() {
    return speeds.isEmpty() ? 0 : speeds.peekLast().value();
  }

  public double drift() {
    return speed.drift();
  }

  public double volatility() {
    return speed.volatility();
  }

  /** How many speed samples there are: a series too short is not priced. */
  public int speedSamples() {
    return speeds.size();
  }

  /** The speed samples from {@code fromUs} on. */
  public List<Sample> speedsSince(long fromUs) {
    List<Sample> since = new ArrayList<>();
    for (Sample s : speeds) {
      if (s.mediaTimeUs() >= fromUs) {
        since.add(s);
      }
    }
    return since;
  }

  /** The strides completed, oldest first. */
  public List<Sample> strides() {
    return List.copyOf(strides);
  }
}
