package dev.slipstream.vision.analytics;

import dev.slipstream.vision.events.EventProtos;
import dev.slipstream.vision.events.VisionEvent;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.kinematics.GaitSample;
import dev.slipstream.vision.kinematics.JointAngles;
import dev.slipstream.vision.kinematics.MotionEstimate;
import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.BoundingBox;
import dev.slipstream.wire.v1.GroundVector;
import dev.slipstream.wire.v1.Kinematics;
import dev.slipstream.wire.v1.Pose;
import dev.slipstream.wire.v1.Track;

/**
 * Builds the wire's {@code AnalyticsFrame} from a {@link FrameAnalysis}. The builder comes back
 * open so the caller adds what only it knows: wall-clock times and stage timings.
 *
 * <p>Measurements not taken on a frame (a joint that was not visible, a stride before the first)
 * are NaN in Java and left at the proto default 0 on the wire, which no real angle, stride or
 * cadence can be.
 */
public final class AnalyticsFrames {
  private AnalyticsFrames() {}

  /** Returns a builder holding the frame's tracks, poses, kinematics and events. */
  public static AnalyticsFrame.Builder toProto(
      String streamId, FrameAnalysis analysis, int frameWidth, int frameHeight) {
    AnalyticsFrame.Builder frame =
        AnalyticsFrame.newBuilder()
            .setStreamId(streamId)
            .setMediaTimeUs(analysis.mediaTimeUs())
            .setFrameIndex(analysis.frameIndex())
            .setFrameWidth(frameWidth)
            .setFrameHeight(frameHeight);
    for (TrackAnalysis track : analysis.tracks()) {
      frame.addTracks(track(track));
      if (track.pose() != null) {
        frame.addPoses(pose(track.track().trackId(), track.pose()));
      }
      if (track.gait() != null) {
        frame.addKinematics(kinematics(track.track().trackId(), track.gait()));
      }
    }
    for (VisionEvent event : analysis.events()) {
      frame.addEvents(EventProtos.toProto(event));
    }
    return frame;
  }

  private static Track track(TrackAnalysis analysis) {
    var tracked = analysis.track();
    Track.Builder track =
        Track.newBuilder()
            .setTrackId(tracked.trackId())
            .setBbox(box(tracked.box()))
            .setConfidence((float) tracked.score())
            .setState(tracked.state().toProto());
    MotionEstimate motion = analysis.motion();
    if (motion != null) {
      track
          .setPositionM(vector(motion.position()))
          .setVelocityMps(vector(motion.velocity()))
          .setSpeedMps((float) motion.speedMps())
          .setAccelerationMps2((float) motion.accelerationMps2())
          .setDistanceM((float) motion.distanceM())
          .setTopSpeedMps((float) motion.topSpeedMps());
    }
    return track.build();
  }

  private static Pose pose(int trackId, dev.slipstream.vision.pose.Pose pose) {
    Pose.Builder proto = Pose.newBuilder().setTrackId(trackId).setScore((float) pose.score());
    for (Keypoint keypoint : pose.keypoints()) {
      proto.addKeypoints(
          dev.slipstream.wire.v1.Keypoint.newBuilder()
              .setX((float) keypoint.x())
              .setY((float) keypoint.y())
              .setZ((float) keypoint.z())
              .setVisibility((float) keypoint.visibility()));
    }
    return proto.build();
  }

  private static Kinematics kinematics(int trackId, GaitSample gait) {
    JointAngles angles = gait.angles();
    return Kinematics.newBuilder()
        .setTrackId(trackId)
        .setStrideLengthM(measured(gait.strideLengthM()))
        .setCadenceSpm(measured(gait.cadenceSpm()))
        .setGroundContactMs(measured(gait.lastContactMs()))
        .setFootContact(gait.contact().toProto())
        .setJointAngles(
            dev.slipstream.wire.v1.JointAngles.newBuilder()
                .setLeftKneeDeg(measured(angles.leftKneeDeg()))
                .setRightKneeDeg(measured(angles.rightKneeDeg()))
                .setLeftHipDeg(measured(angles.leftHipDeg()))
                .setRightHipDeg(measured(angles.rightHipDeg()))
                .setLeftElbowDeg(measured(angles.leftElbowDeg()))
                .setRightElbowDeg(measured(angles.rightElbowDeg())))
        .build();
  }

  private static float measured(double value) {
    return Double.isNaN(value) ? 0f : (float) value;
  }

  private static BoundingBox box(PixelBox box) {
    return BoundingBox.newBuilder()
        .setX((float) box.x())
        .setY((float) box.y())
        .setWidth((float) box.width())
        .setHeight((float) box.height())
        .build();
  }

  private static GroundVector vector(GroundPoint point) {
    return GroundVector.newBuilder().setX((float) point.x()).setY((float) point.y()).build();
  }
}
