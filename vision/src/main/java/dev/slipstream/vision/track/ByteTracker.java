package dev.slipstream.vision.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tracks the people of one stream across its frames, ByteTrack style.
 *
 * <p>Each frame every track's box is predicted to the frame's media time (frames may be irregularly
 * spaced when the pipeline skips some), then detections are associated in three passes:
 *
 * <ol>
 *   <li>confident detections (score ≥ {@link TrackerSettings#highScoreThreshold()}) against every
 *       confirmed and coasting track, so a person reappearing after a short occlusion gets their id
 *       back;
 *   <li>weak detections against the confirmed tracks still unmatched, which keeps people who are
 *       half hidden (and so scored low) on their track instead of discarding the detection;
 *   <li>the confident detections left against tentative tracks, by distance from the prediction in
 *       standard deviations rather than overlap: a new track has no velocity yet, and a fast runner
 *       on sparse frames can move further than their own width between two frames.
 * </ol>
 *
 * Confident detections still unmatched start tentative tracks; a tentative track that misses a
 * frame is dropped silently, and one matched {@link TrackerSettings#confirmHits()} frames in a row
 * is confirmed. A confirmed track that misses frames coasts on its predicted motion and is lost
 * once unseen for longer than {@link TrackerSettings#maxCoastUs()}. Ids count up from 1 and are
 * never reused.
 *
 * <p>Not thread-safe: one tracker per stream, fed by that stream's pipeline thread.
 */
public final class ByteTracker {
  private final TrackerSettings settings;
  private final List<Tracklet> tracks = new ArrayList<>();
  private int nextId = 1;
  private long lastFrameUs = Long.MIN_VALUE;

  /** Creates a tracker with no tracks. */
  public ByteTracker(TrackerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Associates one frame's detections with the tracks and returns every live track.
   *
   * @param mediaTimeUs the frame's media time; must increase from frame to frame
   * @param detections the people detected on the frame
   * @throws IllegalArgumentException if media time does not increase
   */
  public TrackerUpdate update(long mediaTimeUs, List<Detection> detections) {
    if (mediaTimeUs <= lastFrameUs) {
      throw new IllegalArgumentException(
          "frame media time must increase (was " + mediaTimeUs + " after " + lastFrameUs + ")");
    }
    lastFrameUs = mediaTimeUs;
    for (Tracklet track : tracks) {
      track.predictTo(mediaTimeUs);
    }
    List<Integer> confident = new ArrayList<>();
    List<Integer> weak = new ArrayList<>();
    for (int i = 0; i < detections.size(); i++) {
      double score = detections.get(i).score();
      if (score >= settings.highScoreThreshold()) {
        confident.add(i);
      } else if (score >= settings.lowScoreThreshold()) {
        weak.add(i);
      }
    }
    Set<Tracklet> matched = new HashSet<>();
    List<Tracklet> established =
        tracks.stream().filter(t -> t.state() != TrackState.TENTATIVE).toList();
    apply(
        matchPass(established, detections, confident, settings.firstPassMinOverlap()),
        detections,
        matched,
        confident);

    List<Tracklet> recentlySeen =
        established.stream().filter(t -> !matched.contains(t) && t.isConfirmed()).toList();
    apply(
        matchPass(recentlySeen, detections, weak, settings.secondPassMinOverlap()),
        detections,
        matched,
        weak);

    List<Tracklet> tentative =
        tracks.stream().filter(t -> t.state() == TrackState.TENTATIVE).toList();
    apply(
        Association.byCentreDistance(
            tentative, detections, confident, settings.tentativeMaxHeightRatio()),
        detections,
        matched,
        confident);

    List<LostTrack> lost = retireUnmatched(mediaTimeUs, matched);
    for (int index : confident) {
      if (detections.get(index).score() >= settings.newTrackScoreThreshold()) {
        tracks.add(
            new Tracklet(
                nextId++, detections.get(index), index, mediaTimeUs, settings.confirmHits()));
      }
    }
    List<TrackedObject> live =
        tracks.stream()
            .map(Tracklet::snapshot)
            .sorted(Comparator.comparingInt(TrackedObject::trackId))
            .toList();
    return new TrackerUpdate(mediaTimeUs, live, lost);
  }

  private List<Association.Pair> matchPass(
      List<Tracklet> candidates,
      List<Detection> detections,
      List<Integer> pool,
      double minOverlap) {
    return Association.byOverlap(candidates, detections, pool, settings.matchBuffer(), minOverlap);
  }

  private void apply(
      List<Association.Pair> pairs,
      List<Detection> detections,
      Set<Tracklet> matched,
      List<Integer> pool) {
    for (Association.Pair pair : pairs) {
      pair.track()
          .match(
              detections.get(pair.detectionIndex()), pair.detectionIndex(), settings.confirmHits());
      matched.add(pair.track());
      pool.remove(Integer.valueOf(pair.detectionIndex()));
    }
  }

  private List<LostTrack> retireUnmatched(long mediaTimeUs, Set<Tracklet> matched) {
    List<LostTrack> lost = new ArrayList<>();
    for (Iterator<Tracklet> it = tracks.iterator(); it.hasNext(); ) {
      Tracklet track = it.next();
      if (matched.contains(track)) {
        continue;
      }
      if (track.state() == TrackState.TENTATIVE) {
        it.remove();
      } else if (mediaTimeUs - track.lastSeenUs() > settings.maxCoastUs()) {
        lost.add(track.lostAt(mediaTimeUs));
        it.remove();
      } else {
        track.markMissed();
      }
    }
    return lost;
  }
}
