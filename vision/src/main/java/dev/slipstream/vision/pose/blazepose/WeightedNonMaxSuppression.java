package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.pose.blazepose.DetectorOutputs.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression ({@code NonMaxSuppressionCalculator}, algorithm
 * {@code WEIGHTED}): the best remaining candidate and every other candidate overlapping it by more
 * than the threshold (intersection over union) become one detection whose box and keypoints are
 * their score-weighted mean and whose score is the best one's. Averaging the many anchors that fire
 * on one person steadies the box from frame to frame better than keeping only the best.
 */
final class WeightedNonMaxSuppression {

  private WeightedNonMaxSuppression() {}

  /** Returns at most {@code limit} merged detections, best first. */
  static List<Candidate> apply(List<Candidate> candidates, double overlapThreshold, int limit) {
    List<Candidate> remaining = new ArrayList<>(candidates);
    remaining.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> kept = new ArrayList<>();
    while (!remaining.isEmpty() && kept.size() < limit) {
      Candidate best = remaining.getFirst();
      double[] sum = new double[best.coords().length];
      double weight = 0;
      List<Candidate> rest = new ArrayList<>();
      for (Candidate candidate : remaining) {
        if (candidate == best || best.intersectionOverUnion(candidate) > overlapThreshold) {
          for (int i = 0; i < sum.length; i++) {
            sum[i] += candidate.coords()[i] * candidate.score();
          }
          weight += candidate.score();
        } else {
          rest.add(candidate);
        }
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] /= weight;
      }
      kept.add(new Candidate(best.score(), sum));
      remaining = rest;
    }
    return kept;
  }
}
