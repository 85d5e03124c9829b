package dev.slipstream.vision.analytics;

import dev.slipstream.vision.events.TrackEvents;
import dev.slipstream.vision.kinematics.FeetLift;
import dev.slipstream.vision.kinematics.GaitAnalyzer;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.kinematics.TrackMotion;

/** The measurement state the analysis keeps for one live track. */
record PerTrack(TrackMotion motion, FeetLift lift, GaitAnalyzer gait, TrackEvents events) {
  /** The height a person's box stands for when turning its lift into metres: an adult's. */
  private static final double PERSON_HEIGHT_M = 1.75;

  static PerTrack create(int trackId, Homography homography, AnalyzerSettings settings) {
    return new PerTrack(
        new TrackMotion(homography, settings.profile(), settings.motion()),
        new FeetLift(homography, PERSON_HEIGHT_M),
        new GaitAnalyzer(homography, settings.gait()),
        new TrackEvents(trackId, settings.events()));
  }
}
