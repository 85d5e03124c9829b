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

/**
 * What a stream's analytics have shown so far, as the market templates read it: each confirmed
 * track's series, how many jumps and zone entries there were over how long, and the media time of
 * the newest frame. Fed one {@link AnalyticsFrame} at a time, in media-time order.
 */
public final class StreamAnalytics {
  private final String streamId;
  private final Map<Integer, TrackSeries> tracks = new HashMap<>();
  private final Map<String, Integer> zoneEntries = new HashMap<>();
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
        series(track.getTrackId()).speed(t, track.getSpeedMps());
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

  private TrackSeries series(int trackId) {
    return tracks.computeIfAbsent(trackId, TrackSeries::new);
  }
}
