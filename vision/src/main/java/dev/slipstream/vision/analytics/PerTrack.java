package dev.slipstream.vision.analytics;

import dev.slipstream.vision.events.TrackEvents;
import dev.slipstream.vision.kinematics.GaitAnalyzer;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.kinematics.TrackMotion;

/** The measurement state the analysis keeps for one live track. */
record PerTrack(TrackMotion motion, GaitAnalyzer gait, TrackEvents events) {

  static PerTrack create(int trackId, Homography homography, AnalyzerSettings settings) {
    return new PerTrack(
        new TrackMotion(homography, settings.profile(), settings.motion()),
        new GaitAnalyzer(homography, settings.gait()),
        new TrackEvents(trackId, settings.events()));
  }
}
