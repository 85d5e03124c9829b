package dev.slipstream.vision.analytics;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.events.TrackLost;
import dev.slipstream.vision.events.VisionEvent;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.kinematics.FeetLift;
import dev.slipstream.vision.kinematics.GaitSample;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.kinematics.MotionEstimate;
import dev.slipstream.vision.kinematics.MotionUpdate;
import dev.slipstream.vision.kinematics.RejectionReason;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.track.ByteTracker;
import dev.slipstream.vision.track.Detection;
import dev.slipstream.vision.track.LostTrack;
import dev.slipstream.vision.track.TrackedObject;
import dev.slipstream.vision.track.TrackerUpdate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The analysis of one stream after detection and pose: tracks the frame's detections, measures each
 * matched track's ground motion and gait, and detects events.
 *
 * <p>Motion is measured from the detection matched to a track on the frame (not the tracker's
 * filtered box: the motion fit smooths on its own, and smoothing twice would add lag). A coasting
 * track reports its last motion carried forward and triggers no events until it is seen again.
 *
 * <p>The analysis runs as three stages the pipeline times apart: {@link #track}, {@link #measure}
 * (kinematics) and {@link #detectEvents}; {@link #analyze} runs all three.
 *
 * <p>Not thread-safe: one per stream, fed frame by frame by the stream's pipeline thread.
 */
public final class FrameAnalyzer {
  private Homography homography;
  private final AnalyzerSettings settings;
  private final ByteTracker tracker;
  private final Map<Integer, PerTrack> perTrack = new HashMap<>();
  private final Map<RejectionReason, Integer> rejections = new EnumMap<>(RejectionReason.class);
  private List<Zone> zones = List.of();
  private long frameIndex;
  private @Nullable TrackerUpdate pending;

  /** Creates the analysis of a stream calibrated by {@code homography}. */
  public FrameAnalyzer(Homography homography, AnalyzerSettings settings) {
    this.homography = Objects.requireNonNull(homography, "homography");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tracker = new ByteTracker(settings.tracker());
  }

  /** Replaces the stream's zones; tracks start watching new zones from the side they are on. */
  public void setZones(List<Zone> zones) {
    List<Zone> copy = List.copyOf(zones);
    if (copy.stream().map(Zone::id).distinct().count() != copy.size()) {
      throw new InvalidInputException(
          "zone_duplicate_id", "zone ids must be unique within a stream");
    }
    this.zones = copy;
  }

  /** Returns the stream's zones. */
  public List<Zone> zones() {
    return zones;
  }

  /** Returns how many position samples were rejected as implausible so far, by reason. */
  public Map<RejectionReason, Integer> rejections() {
    return Map.copyOf(rejections);
  }

  /**
   * Analyses one frame: {@link #track}, {@link #measure} and {@link #detectEvents} in turn.
   *
   * @throws IllegalArgumentException if the frame's media time does not increase
   */
  public FrameAnalysis analyze(FrameInput frame) {
    TrackerUpdate update = track(frame.mediaTimeUs(), frame.detections());
    return detectEvents(update, measure(update, frame));
  }

  /**
   * The tracking stage: associates one frame's detections with the tracks. The pipeline runs it on
   * its own to learn which people to estimate poses for before measuring them.
   *
   * @throws IllegalArgumentException if the frame's media time does not increase
   */
  public TrackerUpdate track(long mediaTimeUs, List<Detection> detections) {
    TrackerUpdate update = tracker.update(mediaTimeUs, detections);
    pending = update;
    return update;
  }

  /**
   * The kinematics stage: measures the ground motion (and, where {@code frame} has a pose for a
   * matched detection, the gait) of every track of the latest {@link #track} update.
   *
   * @param frame the detections that update was made from, with any poses found for them
   * @throws IllegalStateException if {@code update} is not the latest tracking result, or its
   *     events were already detected
   */
  public List<TrackAnalysis> measure(TrackerUpdate update, FrameInput frame) {
    requireLatest(update);
    long now = update.mediaTimeUs();
    List<TrackAnalysis> tracks = new ArrayList<>();
    for (TrackedObject track : update.tracks()) {
      PerTrack state =
          perTrack.computeIfAbsent(
              track.trackId(), id -> PerTrack.create(id, homography, settings));
      if (!track.isMatched()) {
        tracks.add(new TrackAnalysis(track, state.motion().predictAt(now), null, null, null));
        continue;
      }
      FeetLift.Sample lift =
          state.lift().observe(now, frame.detections().get(track.detectionIndex()).box());
      MotionUpdate motion = state.motion().addFeet(now, lift.groundFeet());
      if (motion.rejection() != null) {
        rejections.merge(motion.rejection(), 1, Integer::sum);
      }
      Pose pose = frame.posesByDetection().get(track.detectionIndex());
      GaitSample gait = pose == null ? null : state.gait().update(now, pose);
      tracks.add(new TrackAnalysis(track, motion.estimate(), pose, gait, lift));
    }
    return tracks;
  }

  /**
   * The events stage: detects the events of the measured tracks (matched ones only: a coasting
   * track triggers nothing until it is seen again) and of the tracks the update lost, and closes
   * the frame.
   *
   * @throws IllegalStateException if {@code update} is not the latest tracking result, or its
   *     events were already detected
   */
  public FrameAnalysis detectEvents(TrackerUpdate update, List<TrackAnalysis> tracks) {
    requireLatest(update);
    pending = null;
    List<VisionEvent> events = new ArrayList<>();
    Set<Integer> live = new HashSet<>();
    for (TrackAnalysis track : tracks) {
      live.add(track.track().trackId());
      PerTrack state = perTrack.get(track.track().trackId());
      if (state != null && track.track().isMatched()) {
        events.addAll(state.events().onFrame(track.motion(), track.gait(), track.lift(), zones));
      }
    }
    for (LostTrack lost : update.lost()) {
      PerTrack state = perTrack.get(lost.trackId());
      events.add(trackLost(lost, state == null ? null : state.motion().latest()));
    }
    perTrack.keySet().retainAll(live);
    return new FrameAnalysis(frameIndex++, update.mediaTimeUs(), tracks, events);
  }

  /**
   * Replaces the calibration. Tracks keep their ids, but their ground motion, gait and event state
   * start afresh from the next frame: positions under two calibrations cannot be mixed in one fit.
   */
  public void recalibrate(Homography calibration) {
    homography = Objects.requireNonNull(calibration, "calibration");
    perTrack.clear();
  }

  /** Returns the calibration in use. */
  public Homography calibration() {
    return homography;
  }

  private void requireLatest(TrackerUpdate update) {
    if (update != pending) {
      throw new IllegalStateException(
          "measure and detectEvents take the latest tracking update, once (got the one at "
              + update.mediaTimeUs()
              + " us)");
    }
  }

  private TrackLost trackLost(LostTrack lost, @Nullable MotionEstimate last) {
    // A track whose feet never had a place on the ground has no position; the origin stands in.
    GroundPoint position = last == null ? GroundPoint.ORIGIN : last.position();
    double speed = last == null ? 0 : last.speedMps();
    return new TrackLost(lost.trackId(), lost.lostAtUs(), position, speed, lost.lastSeenUs());
  }
}
