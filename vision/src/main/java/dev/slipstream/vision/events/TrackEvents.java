package dev.slipstream.vision.events;

import dev.slipstream.vision.kinematics.FeetLift;
import dev.slipstream.vision.kinematics.GaitSample;
import dev.slipstream.vision.kinematics.MotionEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Detects the events of one track frame by frame: sprint start and stop, speed threshold crossings,
 * jumps and zone entries and exits. Speed events wait for a settled motion estimate, so the first
 * frames of a track, before its speed can be trusted, trigger nothing.
 *
 * <p>Not thread-safe: one per track, fed by the stream's pipeline thread.
 */
public final class TrackEvents {
  private final int trackId;
  private final EventSettings settings;
  private final SprintDetector sprint;
  private final List<SpeedThresholdDetector> thresholds = new ArrayList<>();
  private final JumpDetector jump;
  private final BoxJumpDetector boxJump;
  private long lastJumpUs = Long.MIN_VALUE;
  private final Map<String, ZoneWatcher> zones = new HashMap<>();
  private long lastMotionUs = Long.MIN_VALUE;

  /** Creates the detectors of track {@code trackId}. */
  public TrackEvents(int trackId, EventSettings settings) {
    this.trackId = trackId;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sprint = new SprintDetector(settings);
    for (double threshold : settings.speedThresholdsMps()) {
      thresholds.add(new SpeedThresholdDetector(threshold, settings.speedHysteresisMps()));
    }
    this.jump = new JumpDetector(settings);
    this.boxJump = new BoxJumpDetector(settings);
  }

  /**
   * Takes the track's measurements on one frame and returns the events they complete, in the order
   * detected.
   *
   * @param motion the track's latest motion estimate, or null while it has none; speed and zone
   *     events only look at an estimate newer than the last one they saw, so passing the same
   *     estimate again (the frame's sample was rejected, or the track was not measured) triggers
   *     none
   * @param gait the track's gait on this frame, or null when no pose was found
   * @param lift the track's body lift off the ground on this frame, from its box, or null when it
   *     was not measured; a jump seen both by pose and by box is reported once
   * @param activeZones the stream's zones now; a zone dropped from the list is forgotten, a new one
   *     starts from the track's current side of it
   */
  public List<VisionEvent> onFrame(
      @Nullable MotionEstimate motion,
      @Nullable GaitSample gait,
      FeetLift.@Nullable Sample lift,
      List<Zone> activeZones) {
    List<VisionEvent> events = new ArrayList<>();
    if (motion == null) {
      return events;
    }
    if (gait != null) {
      addJump(events, jump.observe(trackId, gait, motion.position(), motion.speedMps()));
    }
    if (lift != null) {
      addJump(
          events,
          boxJump.observe(trackId, lift.mediaTimeUs(), lift, motion.position(), motion.speedMps()));
    }
    if (motion.mediaTimeUs() <= lastMotionUs) {
      return events;
    }
    lastMotionUs = motion.mediaTimeUs();
    if (motion.settled()) {
      add(events, sprint.observe(trackId, motion));
      for (SpeedThresholdDetector detector : thresholds) {
        add(events, detector.observe(trackId, motion));
      }
    }
    zones.keySet().retainAll(activeZones.stream().map(Zone::id).toList());
    for (Zone zone : activeZones) {
      ZoneWatcher watcher = zones.get(zone.id());
      if (watcher == null || !watcher.zone().equals(zone)) {
        watcher = new ZoneWatcher(zone, settings.zoneMarginM());
        zones.put(zone.id(), watcher);
      }
      add(events, watcher.observe(trackId, motion));
    }
    return events;
  }

  /** Adds a jump unless it is one already reported (by the other detector) within 300 ms. */
  private void addJump(List<VisionEvent> events, @Nullable VisionEvent event) {
    if (event == null) {
      return;
    }
    if (lastJumpUs != Long.MIN_VALUE && Math.abs(event.mediaTimeUs() - lastJumpUs) < 300_000) {
      return;
    }
    lastJumpUs = event.mediaTimeUs();
    events.add(event);
  }

  private static void add(List<VisionEvent> events, @Nullable VisionEvent event) {
    if (event != null) {
      events.add(event);
    }
  }
}
