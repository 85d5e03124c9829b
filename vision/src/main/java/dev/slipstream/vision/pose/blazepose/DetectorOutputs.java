package dev.slipstream.vision.pose.blazepose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the BlazePose detector's raw outputs into scored candidates, as MediaPipe's {@code
 * TensorsToDetectionsCalculator} with the options of {@code pose_detection_cpu.pbtxt}: per anchor
 * 12 values (box centre x, y, width, height, then 4 keypoints x, y) in input pixels relative to the
 * anchor centre, and one score logit, clipped to ±100 and passed through a sigmoid.
 */
final class DetectorOutputs {

  static final int VALUES_PER_ANCHOR = 12;
  static final int KEYPOINTS = 4;
  private static final double SCORE_CLIP = 100;

  private DetectorOutputs() {}

  /**
   * A decoded detection on the detector's input, all coordinates in input pixels.
   *
   * @param score confidence, 0 to 1
   * @param coords box centre x, y, width, height, then x, y of the 4 keypoints
   */
  record Candidate(double score, double[] coords) {

    double left() {
      return coords[0] - coords[2] / 2;
    }

    double top() {
      return coords[1] - coords[3] / 2;
    }

    double right() {
      return coords[0] + coords[2] / 2;
    }

    double bottom() {
      return coords[1] + coords[3] / 2;
    }

    double area() {
      return Math.max(0, coords[2]) * Math.max(0, coords[3]);
    }

    /** Returns the box overlap divided by the union, 0 when they do not touch. */
    double intersectionOverUnion(Candidate other) {
      double overlapWidth = Math.min(right(), other.right()) - Math.max(left(), other.left());
      double overlapHeight = Math.min(bottom(), other.bottom()) - Math.max(top(), other.top());
      if (overlapWidth <= 0 || overlapHeight <= 0) {
        return 0;
      }
      double overlap = overlapWidth * overlapHeight;
      double union = area() + other.area() - overlap;
      return union <= 0 ? 0 : overlap / union;
    }
  }

  /**
   * Returns the candidates scoring at least {@code minScore}; a candidate with a non-finite
   * coordinate (a broken model output) is dropped rather than allowed to fail the frame.
   *
   * @param regressors the model's box output, {@code anchors × 12}
   * @param logits the model's score output, one per anchor
   * @param anchorCentres the anchor centres, normalised, as {@link SsdAnchors#centres()}
   * @param inputSize the input's side in pixels
   */
  static List<Candidate> decode(
      float[] regressors, float[] logits, double[] anchorCentres, int inputSize, double minScore) {
    List<Candidate> candidates = new ArrayList<>();
    for (int anchor = 0; anchor < logits.length; anchor++) {
      double logit = Math.clamp(logits[anchor], -SCORE_CLIP, SCORE_CLIP);
      double score = 1 / (1 + Math.exp(-logit));
      if (!(score >= minScore)) {
        continue;
      }
      double anchorX = anchorCentres[2 * anchor] * inputSize;
      double anchorY = anchorCentres[2 * anchor + 1] * inputSize;
      int base = anchor * VALUES_PER_ANCHOR;
      double[] coords = new double[VALUES_PER_ANCHOR];
      coords[0] = regressors[base] + anchorX;
      coords[1] = regressors[base + 1] + anchorY;
      coords[2] = regressors[base + 2];
      coords[3] = regressors[base + 3];
      for (int k = 0; k < KEYPOINTS; k++) {
        coords[4 + 2 * k] = regressors[base + 4 + 2 * k] + anchorX;
        coords[5 + 2 * k] = regressors[base + 5 + 2 * k] + anchorY;
      }
      if (Arrays.stream(coords).allMatch(Double::isFinite)) {
        candidates.add(new Candidate(score, coords));
      }
    }
    return candidates;
  }
}
