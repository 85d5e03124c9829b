package dev.slipstream.vision.analytics;

import dev.slipstream.vision.events.EventSettings;
import dev.slipstream.vision.kinematics.GaitSettings;
import dev.slipstream.vision.kinematics.MotionSettings;
import dev.slipstream.vision.kinematics.SportProfile;
import dev.slipstream.vision.track.TrackerSettings;
import java.util.Objects;

/**
 * Everything that tunes one stream's analysis; each part checks its own values when made.
 *
 * @param tracker how detections become tracks
 * @param motion how ground motion is smoothed and checked
 * @param profile what the sport allows, to reject impossible motion
 * @param gait how ground contacts are recognised
 * @param events thresholds of the event detectors
 */
public record AnalyzerSettings(
    TrackerSettings tracker,
    MotionSettings motion,
    SportProfile profile,
    GaitSettings gait,
    EventSettings events) {

  /** Checks no part is missing. */
  public AnalyzerSettings {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(gait, "gait");
    Objects.requireNonNull(events, "events");
  }

  /** Returns the defaults of every part for a stream of {@code profile}. */
  public static AnalyzerSettings defaults(SportProfile profile) {
    return new AnalyzerSettings(
        TrackerSettings.defaults(),
        MotionSettings.defaults(),
        profile,
        GaitSettings.defaults(),
        EventSettings.defaults());
  }

  /** Returns a copy with the event settings replaced. */
  public AnalyzerSettings withEvents(EventSettings value) {
    return new AnalyzerSettings(tracker, motion, profile, gait, value);
  }

  /** Returns a copy with the motion settings replaced. */
  public AnalyzerSettings withMotion(MotionSettings value) {
    return new AnalyzerSettings(tracker, value, profile, gait, events);
  }

  /** Returns a copy with the tracker settings replaced. */
  public AnalyzerSettings withTracker(TrackerSettings value) {
    return new AnalyzerSettings(value, motion, profile, gait, events);
  }
}
