package dev.slipstream.vision.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import org.junit.jupiter.api.Test;

class EventProtosTest {
  private static final GroundPoint WHERE = new GroundPoint(12.5, 3.25);

  @Test
  void aZoneEntryCarriesItsZoneTrackTimeAndPosition() {
    AnalyticsEvent event = EventProtos.toProto(new ZoneEntered(7, 1_800_000, WHERE, 5.0, "box"));

    assertThat(event.getType()).isEqualTo(AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY);
    assertThat(event.getZoneId()).isEqualTo("box");
    assertThat(event.getTrackId()).isEqualTo(7);
    assertThat(event.getMediaTimeUs()).isEqualTo(1_800_000);
    assertThat(event.getPositionM().getX()).isEqualTo(12.5f);
    assertThat(event.getPositionM().getY()).isEqualTo(3.25f);
    assertThat(event.getSpeedMps()).isEqualTo(5.0f);
    assertThat(event.getEventId()).isEqualTo("zone_entry:box:7:1800000");
  }

  @Test
  void aSpeedCrossingsDirectionIsInItsIdAndReadsFromSpeedAgainstThreshold() {
    AnalyticsEvent up =
        EventProtos.toProto(new SpeedThresholdCrossed(3, 900, WHERE, 9.1, 2.0, 9.0, true));
    AnalyticsEvent down =
        EventProtos.toProto(new SpeedThresholdCrossed(3, 900, WHERE, 8.4, -1.0, 9.0, false));

    assertThat(up.getType()).isEqualTo(AnalyticsEventType.ANALYTICS_EVENT_TYPE_SPEED_THRESHOLD);
    assertThat(up.getSpeedMps()).isGreaterThanOrEqualTo(up.getThresholdMps());
    assertThat(down.getSpeedMps()).isLessThan(down.getThresholdMps());
    assertThat(up.getEventId()).isNotEqualTo(down.getEventId());
    assertThat(down.getAccelerationMps2()).isEqualTo(-1.0f);
  }

  @Test
  void theSameEventAlwaysGetsTheSameIdSoReplaysAreDropped() {
    VisionEvent lost = new TrackLost(4, 5_000_000, WHERE, 0, 3_900_000);

    assertThat(EventProtos.toProto(lost).getEventId())
        .isEqualTo(
            EventProtos.toProto(new TrackLost(4, 5_000_000, WHERE, 0, 3_900_000)).getEventId())
        .isEqualTo("track_lost:4:5000000");
    assertThat(EventProtos.toProto(lost).getType())
        .isEqualTo(AnalyticsEventType.ANALYTICS_EVENT_TYPE_TRACK_LOST);
  }

  @Test
  void sprintEventsCarryTheirThreshold() {
    AnalyticsEvent start = EventProtos.toProto(new SprintStarted(2, 100, WHERE, 7.2, 3.0, 7.0));
    AnalyticsEvent stop = EventProtos.toProto(new SprintStopped(2, 900, WHERE, 5.3, -2.0, 5.5));

    assertThat(start.getType()).isEqualTo(AnalyticsEventType.ANALYTICS_EVENT_TYPE_SPRINT_START);
    assertThat(start.getThresholdMps()).isEqualTo(7.0f);
    assertThat(stop.getType()).isEqualTo(AnalyticsEventType.ANALYTICS_EVENT_TYPE_SPRINT_STOP);
    assertThat(stop.getThresholdMps()).isEqualTo(5.5f);
  }
}
