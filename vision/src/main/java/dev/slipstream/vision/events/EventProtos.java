package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.GroundVector;

/**
 * Turns {@link VisionEvent}s into the wire's {@code AnalyticsEvent}.
 *
 * <p>The event id is built from what the event is (type, track, media time and zone or threshold),
 * not from a counter, so the same event detected again when a stream is replayed gets the same id
 * and consumers drop it as a repeat. A speed threshold crossing's direction is not a field of the
 * wire message; it reads from the sign of {@code speed_mps - threshold_mps} (at or above going up,
 * below going down) and is part of the id.
 */
public final class EventProtos {
  private EventProtos() {}

  /** Returns the wire message of {@code event}. */
  public static AnalyticsEvent toProto(VisionEvent event) {
    AnalyticsEvent.Builder builder =
        AnalyticsEvent.newBuilder()
            .setTrackId(event.trackId())
            .setMediaTimeUs(event.mediaTimeUs())
            .setSpeedMps((float) event.speedMps())
            .setPositionM(vector(event.position()));
    switch (event) {
      case SprintStarted e ->
          builder
              .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_SPRINT_START)
              .setAccelerationMps2((float) e.accelerationMps2())
              .setThresholdMps((float) e.thresholdMps());
      case SprintStopped e ->
          builder
              .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_SPRINT_STOP)
              .setAccelerationMps2((float) e.accelerationMps2())
              .setThresholdMps((float) e.thresholdMps());
      case SpeedThresholdCrossed e ->
          builder
              .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_SPEED_THRESHOLD)
              .setAccelerationMps2((float) e.accelerationMps2())
              .setThresholdMps((float) e.thresholdMps());
      case Jumped e ->
          builder
              .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP)
              .setJumpHeightM((float) e.heightM())
              .setFlightTimeMs((float) e.flightTimeMs());
      case ZoneEntered e ->
          builder.setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY).setZoneId(e.zoneId());
      case ZoneExited e ->
          builder.setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_EXIT).setZoneId(e.zoneId());
      case TrackLost e -> builder.setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_TRACK_LOST);
    }
    return builder.setEventId(eventId(event)).build();
  }

  /** Returns the event's id: the same event always gets the same id. */
  public static String eventId(VisionEvent event) {
    String kind =
        switch (event) {
          case SprintStarted e -> "sprint_start";
          case SprintStopped e -> "sprint_stop";
          case SpeedThresholdCrossed e ->
              (e.upward() ? "speed_up:" : "speed_down:") + e.thresholdMps();
          case Jumped e -> "jump";
          case ZoneEntered e -> "zone_entry:" + e.zoneId();
          case ZoneExited e -> "zone_exit:" + e.zoneId();
          case TrackLost e -> "track_lost";
        };
    return kind + ":" + event.trackId() + ":" + event.mediaTimeUs();
  }

  private static GroundVector vector(GroundPoint point) {
    return GroundVector.newBuilder().setX((float) point.x()).setY((float) point.y()).build();
  }
}
