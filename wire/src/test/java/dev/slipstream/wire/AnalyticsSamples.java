package dev.slipstream.wire;

import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.BoundingBox;
import dev.slipstream.wire.v1.FootContact;
import dev.slipstream.wire.v1.GroundVector;
import dev.slipstream.wire.v1.JointAngles;
import dev.slipstream.wire.v1.Keypoint;
import dev.slipstream.wire.v1.Kinematics;
import dev.slipstream.wire.v1.PipelineStage;
import dev.slipstream.wire.v1.Pose;
import dev.slipstream.wire.v1.StageTiming;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.util.List;

/**
 * A sample analytics frame: two runners, their poses, one runner's kinematics and an event of every
 * kind that carries its own measurements.
 *
 * <p>Every float is a sum of powers of two, so Java and TypeScript print it with the same digits
 * and the JSON comparison needs no tolerance.
 */
final class AnalyticsSamples {

  private static final int BLAZEPOSE_KEYPOINTS = 33;

  private AnalyticsSamples() {}

  static List<SampleCase> cases() {
    return List.of(new SampleCase("analytics-frame", frame()));
  }

  static AnalyticsFrame frame() {
    return AnalyticsFrame.newBuilder()
        .setStreamId(MediaSamples.STREAM_ID)
        .setMediaTimeUs(12_345_678)
        .setFrameIndex(370)
        .setCapturedAtUnixUs(1_795_000_012_345_000L)
        .setProcessedAtUnixUs(1_795_000_012_371_500L)
        .setFrameWidth(640)
        .setFrameHeight(360)
        .addTracks(runnerThree())
        .addTracks(runnerFive())
        .addPoses(pose(3, 0f))
        .addPoses(pose(5, 200f))
        .addKinematics(kinematics())
        .addAllEvents(events())
        .addAllStageTimings(timings())
        .build();
  }

  private static Track runnerThree() {
    return Track.newBuilder()
        .setTrackId(3)
        .setBbox(BoundingBox.newBuilder().setX(120.5f).setY(80.25f).setWidth(42f).setHeight(110f))
        .setConfidence(0.875f)
        .setState(TrackState.TRACK_STATE_CONFIRMED)
        .setPositionM(ground(35.5f, 4.25f))
        .setVelocityMps(ground(9.5f, -0.25f))
        .setSpeedMps(9.5f)
        .setAccelerationMps2(-0.75f)
        .setDistanceM(35.5f)
        .setTopSpeedMps(9.75f)
        .build();
  }

  private static Track runnerFive() {
    return Track.newBuilder()
        .setTrackId(5)
        .setBbox(BoundingBox.newBuilder().setX(320f).setY(84f).setWidth(40.5f).setHeight(106.5f))
        .setConfidence(0.5f)
        .setState(TrackState.TRACK_STATE_COASTING)
        .setPositionM(ground(33.75f, 6.5f))
        .setVelocityMps(ground(8.25f, 0.125f))
        .setSpeedMps(8.25f)
        .setAccelerationMps2(0.5f)
        .setDistanceM(33.75f)
        .setTopSpeedMps(8.5f)
        .build();
  }

  private static Pose pose(int trackId, float offsetX) {
    Pose.Builder pose = Pose.newBuilder().setTrackId(trackId).setScore(0.9375f);
    for (int i = 0; i < BLAZEPOSE_KEYPOINTS; i++) {
      pose.addKeypoints(
          Keypoint.newBuilder()
              .setX(offsetX + 120 + i * 1.25f)
              .setY(80 + i * 3.5f)
              .setZ(-0.5f + i * 0.03125f)
              .setVisibility(i % 4 == 0 ? 0.5f : 1f));
    }
    return pose.build();
  }

  private static Kinematics kinematics() {
    return Kinematics.newBuilder()
        .setTrackId(3)
        .setStrideLengthM(2.25f)
        .setCadenceSpm(262.5f)
        .setJointAngles(
            JointAngles.newBuilder()
                .setLeftKneeDeg(150.5f)
                .setRightKneeDeg(96.25f)
                .setLeftHipDeg(170f)
                .setRightHipDeg(122.75f)
                .setLeftElbowDeg(88.5f)
                .setRightElbowDeg(92f))
        .setFootContact(FootContact.FOOT_CONTACT_LEFT)
        .setGroundContactMs(96.5f)
        .build();
  }

  private static List<AnalyticsEvent> events() {
    return List.of(
        AnalyticsEvent.newBuilder()
            .setEventId("evt-0001")
            .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_SPEED_THRESHOLD)
            .setTrackId(3)
            .setMediaTimeUs(12_312_345)
            .setSpeedMps(9.5f)
            .setAccelerationMps2(0.25f)
            .setThresholdMps(9f)
            .setPositionM(ground(35.5f, 4.25f))
            .build(),
        AnalyticsEvent.newBuilder()
            .setEventId("evt-0002")
            .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP)
            .setTrackId(5)
            .setMediaTimeUs(12_279_012)
            .setJumpHeightM(0.375f)
            .setFlightTimeMs(312.5f)
            .setPositionM(ground(33.75f, 6.5f))
            .build(),
        AnalyticsEvent.newBuilder()
            .setEventId("evt-0003")
            .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY)
            .setTrackId(3)
            .setMediaTimeUs(12_345_678)
            .setZoneId("finish-box")
            .setSpeedMps(9.5f)
            .build(),
        AnalyticsEvent.newBuilder()
            .setEventId("evt-0004")
            .setType(AnalyticsEventType.ANALYTICS_EVENT_TYPE_TRACK_LOST)
            .setTrackId(8)
            .setMediaTimeUs(12_212_345)
            .build());
  }

  private static List<StageTiming> timings() {
    return List.of(
        timing(PipelineStage.PIPELINE_STAGE_DECODE, 812),
        timing(PipelineStage.PIPELINE_STAGE_DETECT, 4_020),
        timing(PipelineStage.PIPELINE_STAGE_TRACK, 690),
        timing(PipelineStage.PIPELINE_STAGE_POSE, 17_450),
        timing(PipelineStage.PIPELINE_STAGE_KINEMATICS, 95),
        timing(PipelineStage.PIPELINE_STAGE_EVENTS, 40));
  }

  private static StageTiming timing(PipelineStage stage, long durationUs) {
    return StageTiming.newBuilder().setStage(stage).setDurationUs(durationUs).build();
  }

  private static GroundVector ground(float x, float y) {
    return GroundVector.newBuilder().setX(x).setY(y).build();
  }
}
