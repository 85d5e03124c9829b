package dev.slipstream.markets.live;

import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.Kinematics;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a stream's analytics have shown so far, as the market templates read it: each confirmed
 * track's series, how many jumps and zone entries there were over how long, and the media time of
 * the newest frame. Fed one {@link AnalyticsFrame} at a time, in media-time order.
 */
public final class StreamAnalytics {
  /** The shortest window a market about one athlete is opened with. */
  public static final long MIN_WINDOW_MICROS = 3_000_000;

  /** Frames (a second at 15 fps) a track is followed before markets are asked about it. */
  public static final int FOLLOWED_SAMPLES = 15;

  /** How long before an athlete is expected to leave the picture its markets' windows end. */
  static final long LEAVE_MARGIN_MICROS = 500_000;

  private final String streamId;
  private final Map<Integer, TrackSeries> tracks = new HashMap<>();
  private final Map<String, Integer> zoneEntries = new HashMap<>();
  private final ViewExtent view = new ViewExtent();
  private int jumps;
  private long firstFrameUs = Long.MIN_VALUE;
  private long lastFrameUs = Long.MIN_VALUE;

  public StreamAnalytics(String streamId) {
    this.streamId = streamId;
  }

  public String streamId() {
    return streamId;
  }

  /** Takes one frame; frames older than the newest one are ignored. */
  public void add(AnalyticsFrame frame) {
    long t = frame.getMediaTimeUs();
    if (t <= lastFrameUs) {
      return;
    }
    if (firstFrameUs == Long.MIN_VALUE) {
      firstFrameUs = t;
    }
    lastFrameUs = t;
    for (Track track : frame.getTracksList()) {
      if (track.getState() == TrackState.TRACK_STATE_CONFIRMED) {
        TrackSeries series = series(track.getTrackId());
        series.speed(t, track.getSpeedMps());
        if (track.hasPositionM()) {
          view.saw(track.getPositionM().getX(), track.getPositionM().getY());
          series.motion(
              track.getPositionM().getX(),
              track.getPositionM().getY(),
              track.getVelocityMps().getX(),
              track.getVelocityMps().getY());
        }
      }
    }
    for (Kinematics k : frame.getKinematicsList()) {
      if (k.getStrideLengthM() > 0) {
        series(k.getTrackId()).stride(t, k.getStrideLengthM());
      }
    }
    for (AnalyticsEvent event : frame.getEventsList()) {
      if (event.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP) {
        jumps++;
      } else if (event.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY) {
        zoneEntries.merge(event.getZoneId(), 1, Integer::sum);
      } else if (event.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_TRACK_LOST) {
        Optional.ofNullable(tracks.get(event.getTrackId())).ifPresent(TrackSeries::lost);
      }
    }
  }

  /** The newest frame's media time; {@code Long.MIN_VALUE} before any. */
  public long mediaTimeUs() {
    return lastFrameUs;
  }

  /** Seconds of analytics watched. */
  public double secondsWatched() {
    return firstFrameUs == Long.MIN_VALUE ? 0 : (lastFrameUs - firstFrameUs) / 1e6;
  }

  public int jumps() {
    return jumps;
  }

  public int zoneEntries(String zoneId) {
    return zoneEntries.getOrDefault(zoneId, 0);
  }

  /** Zones entered so far, by id. */
  public Map<String, Integer> zoneEntryCounts() {
    return Map.copyOf(zoneEntries);
  }

  public Optional<TrackSeries> track(int trackId) {
    return Optional.ofNullable(tracks.get(trackId));
  }

  /** Tracks seen in the last second and not lost, with at least {@code samples} speed samples. */
  public List<TrackSeries> activeTracks(int samples) {
    return tracks.values().stream()
        .filter(t -> !t.isLost() && t.lastSeenUs() >= lastFrameUs - 1_000_000)
        .filter(t -> t.speedSamples() >= samples)
        .sorted(java.util.Comparator.comparingInt(TrackSeries::trackId))
        .toList();
  }

  /**
   * The window a market about {@code track} can have: {@code windowMicros}, shortened to whole
   * seconds that end {@link #LEAVE_MARGIN_MICROS} before the athlete is expected to leave the
   * picture (a market on a runner nobody can see any more could only be void), or empty when that
   * leaves less than {@link #MIN_WINDOW_MICROS}.
   */
  public OptionalLong watchableWindow(TrackSeries track, long windowMicros) {
    if (track.speedSamples() < FOLLOWED_SAMPLES) {
      // A track just born has no velocity worth projecting yet (its filter starts at rest).
      return OptionalLong.empty();
    }
    double inView = track.secondsToLeave(view) * 1e6 - LEAVE_MARGIN_MICROS;
    long window = (long) Math.min(windowMicros, inView);
    window -= window % 1_000_000;
    return window < MIN_WINDOW_MICROS ? OptionalLong.empty() : OptionalLong.of(window);
  }

  private TrackSeries series(int trackId) {
    return tracks.computeIfAbsent(trackId, TrackSeries::new);
  }
}
