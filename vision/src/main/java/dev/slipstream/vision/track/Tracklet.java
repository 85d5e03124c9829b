package dev.slipstream.vision.track;

import dev.slipstream.vision.geometry.PixelBox;

/** The tracker's mutable record of one live track. */
final class Tracklet {
  final int id;
  final long firstSeenUs;
  private final BoxKalmanFilter motion;
  private TrackState state;
  private long filterTimeUs;
  private long lastSeenUs;
  private PixelBox lastDetectedBox;
  private double score;
  private int hits;
  private int detectionIndex;

  Tracklet(int id, Detection first, int detectionIndex, long mediaTimeUs, int confirmHits) {
    this.id = id;
    this.firstSeenUs = mediaTimeUs;
    this.motion = new BoxKalmanFilter(first.box());
    this.state = confirmHits <= 1 ? TrackState.CONFIRMED : TrackState.TENTATIVE;
    this.filterTimeUs = mediaTimeUs;
    this.lastSeenUs = mediaTimeUs;
    this.lastDetectedBox = first.box();
    this.score = first.score();
    this.hits = 1;
    this.detectionIndex = detectionIndex;
  }

  /** Predicts the box at {@code mediaTimeUs} and forgets this track's previous match. */
  void predictTo(long mediaTimeUs) {
    motion.predict((mediaTimeUs - filterTimeUs) / 1e6);
    filterTimeUs = mediaTimeUs;
    detectionIndex = -1;
  }

  void match(Detection detection, int index, int confirmHits) {
    motion.update(detection.box());
    lastSeenUs = filterTimeUs;
    lastDetectedBox = detection.box();
    score = detection.score();
    hits++;
    detectionIndex = index;
    if (state == TrackState.COASTING || hits >= confirmHits) {
      state = TrackState.CONFIRMED;
    }
  }

  void markMissed() {
    if (state == TrackState.CONFIRMED) {
      state = TrackState.COASTING;
    }
  }

  TrackState state() {
    return state;
  }

  PixelBox predictedBox() {
    return motion.box();
  }

  double[] predictedCentreStd() {
    return motion.centreStd();
  }

  long lastSeenUs() {
    return lastSeenUs;
  }

  /** Returns whether the track was matched on the previous frame and is trusted. */
  boolean isConfirmed() {
    return state == TrackState.CONFIRMED;
  }

  TrackedObject snapshot() {
    return new TrackedObject(
        id, state, motion.box(), detectionIndex, score, hits, firstSeenUs, lastSeenUs);
  }

  LostTrack lostAt(long mediaTimeUs) {
    return new LostTrack(id, lastSeenUs, mediaTimeUs, lastDetectedBox);
  }
}
