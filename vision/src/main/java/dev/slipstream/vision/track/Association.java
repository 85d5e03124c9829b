package dev.slipstream.vision.track;

import java.util.ArrayList;
import java.util.List;

/**
 * One association pass: the optimal assignment of detections to tracks under a cost, keeping only
 * pairs inside the pass's gate.
 *
 * <p>Pairs outside the gate get a cost far above any real one, so the optimal assignment first
 * maximises the number of acceptable pairs and only then their quality; they are dropped after.
 */
final class Association {
  private static final double FORBIDDEN = 1e6;

  /**
   * The 99 % point of the chi-squared distribution with 2 degrees of freedom: a detection centre
   * further than this (squared, in standard deviations) from a track's prediction is not its.
   */
  private static final double CENTRE_GATE = 9.21;

  private Association() {}

  /** A detection matched to a track. */
  record Pair(Tracklet track, int detectionIndex) {}

  /**
   * Matches on the overlap (IoU) of the predicted and detected boxes, each grown by {@code buffer}
   * of its size on every side; pairs need at least {@code minOverlap}.
   */
  static List<Pair> byOverlap(
      List<Tracklet> tracks,
      List<Detection> detections,
      List<Integer> pool,
      double buffer,
      double minOverlap) {
    double[][] cost = new double[tracks.size()][pool.size()];
    for (int t = 0; t < tracks.size(); t++) {
      var predicted = tracks.get(t).predictedBox().grownBy(buffer);
      for (int d = 0; d < pool.size(); d++) {
        var detected = detections.get(pool.get(d)).box().grownBy(buffer);
        double overlap = predicted.intersectionOverUnion(detected);
        cost[t][d] = overlap >= minOverlap ? 1 - overlap : FORBIDDEN;
      }
    }
    return assign(tracks, pool, cost);
  }

  /**
   * Matches on the distance between predicted and detected box centres in standard deviations of
   * the prediction (the Mahalanobis distance DeepSORT gates with), for tracks too new to have a
   * velocity: their predicted box may not overlap the detection at all when a runner is fast and
   * frames sparse, but the detection still lies within the prediction's uncertainty. Boxes must
   * also agree in height within {@code maxHeightRatio}.
   */
  static List<Pair> byCentreDistance(
      List<Tracklet> tracks,
      List<Detection> detections,
      List<Integer> pool,
      double maxHeightRatio) {
    double[][] cost = new double[tracks.size()][pool.size()];
    for (int t = 0; t < tracks.size(); t++) {
      Tracklet track = tracks.get(t);
      var predicted = track.predictedBox();
      double[] std = track.predictedCentreStd();
      for (int d = 0; d < pool.size(); d++) {
        var detected = detections.get(pool.get(d)).box();
        double dx = (detected.centreX() - predicted.centreX()) / std[0];
        double dy = (detected.centreY() - predicted.centreY()) / std[1];
        double distance = dx * dx + dy * dy;
        double heightRatio =
            Math.max(detected.height(), predicted.height())
                / Math.max(1e-9, Math.min(detected.height(), predicted.height()));
        cost[t][d] =
            distance <= CENTRE_GATE && heightRatio <= maxHeightRatio ? distance : FORBIDDEN;
      }
    }
    return assign(tracks, pool, cost);
  }

  private static List<Pair> assign(List<Tracklet> tracks, List<Integer> pool, double[][] cost) {
    if (tracks.isEmpty() || pool.isEmpty()) {
      return List.of();
    }
    int[] assigned = HungarianAssignment.solve(cost);
    List<Pair> pairs = new ArrayList<>();
    for (int t = 0; t < assigned.length; t++) {
      int d = assigned[t];
      if (d >= 0 && cost[t][d] < FORBIDDEN) {
        pairs.add(new Pair(tracks.get(t), pool.get(d)));
      }
    }
    return pairs;
  }
}
