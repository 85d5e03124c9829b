package dev.slipstream.vision.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.pose.blazepose.DetectorOutputs.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedNonMaxSuppressionTest {

  @Test
  void overlappingHitsOnOnePersonMergeIntoTheirScoreWeightedMeanWithTheBestScore() {
    Candidate strong = candidate(0.9, 100, 100, 40);
    Candidate weak = candidate(0.3, 110, 100, 40);

    List<Candidate> merged = WeightedNonMaxSuppression.apply(List.of(weak, strong), 0.3, 5);

    assertThat(merged).hasSize(1);
    assertThat(merged.getFirst().score()).isEqualTo(0.9);
    assertThat(merged.getFirst().coords()[0])
        .isCloseTo((0.9 * 100 + 0.3 * 110) / 1.2, within(1e-9));
    assertThat(merged.getFirst().coords()[4])
        .isCloseTo((0.9 * 100 + 0.3 * 110) / 1.2, within(1e-9));
  }

  @Test
  void separatePeopleStaySeparateBestFirstUpToTheLimit() {
    Candidate left = candidate(0.6, 50, 100, 40);
    Candidate middle = candidate(0.95, 120, 100, 40);
    Candidate right = candidate(0.7, 190, 100, 40);

    assertThat(WeightedNonMaxSuppression.apply(List.of(left, middle, right), 0.3, 5))
        .extracting(Candidate::score)
        .containsExactly(0.95, 0.7, 0.6);
    assertThat(WeightedNonMaxSuppression.apply(List.of(left, middle, right), 0.3, 2))
        .extracting(Candidate::score)
        .containsExactly(0.95, 0.7);
  }

  @Test
  void decodingAddsTheAnchorCentreAndSkipsLowScores() {
    float[] regressors = new float[2 * DetectorOutputs.VALUES_PER_ANCHOR];
    regressors[12] = 3; // second anchor: box centre x offset
    regressors[14] = 20; // width
    regressors[15] = 30; // height
    regressors[16] = -5; // keypoint 0 x offset
    float[] logits = {-2, 2}; // sigmoid: 0.12 and 0.88
    double[] anchors = {0.25, 0.25, 0.5, 0.75};

    List<Candidate> decoded = DetectorOutputs.decode(regressors, logits, anchors, 224, 0.5);

    assertThat(decoded).hasSize(1);
    Candidate c = decoded.getFirst();
    assertThat(c.score()).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-9));
    assertThat(c.coords()).startsWith(115, 168, 20, 30, 107, 168);
  }

  @Test
  void decodingDropsACandidateWithABrokenCoordinateInsteadOfFailingTheFrame() {
    float[] regressors = new float[2 * DetectorOutputs.VALUES_PER_ANCHOR];
    regressors[2] = Float.NaN;
    regressors[12 + 7] = Float.POSITIVE_INFINITY;
    float[] logits = {5, Float.NaN};

    assertThat(
            DetectorOutputs.decode(regressors, logits, new double[] {0.5, 0.5, 0.5, 0.5}, 224, 0.5))
        .isEmpty();
  }

  private static Candidate candidate(double score, double x, double y, double size) {
    double[] coords = new double[DetectorOutputs.VALUES_PER_ANCHOR];
    coords[0] = x;
    coords[1] = y;
    coords[2] = size;
    coords[3] = size;
    for (int k = 0; k < DetectorOutputs.KEYPOINTS; k++) {
      coords[4 + 2 * k] = x;
      coords[5 + 2 * k] = y + 10 * k;
    }
    return new Candidate(score, coords);
  }
}
