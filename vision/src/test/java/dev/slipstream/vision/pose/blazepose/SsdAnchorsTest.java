package dev.slipstream.vision.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The anchors line up with the model's 2254 outputs as MediaPipe's SsdAnchorsCalculator makes them.
 */
class SsdAnchorsTest {

  private final double[] centres = SsdAnchors.centres();

  @Test
  void thereIsOneAnchorPerModelOutput() {
    // 28×28 cells × 2 + 14×14 × 2 + 7×7 × 6 (three stride-32 layers share one grid)
    assertThat(centres.length / 2).isEqualTo(28 * 28 * 2 + 14 * 14 * 2 + 7 * 7 * 6).isEqualTo(2254);
  }

  @Test
  void eachGridIsWalkedRowByRowWithItsAnchorsSideBySide() {
    assertCentre(0, 0.5 / 28, 0.5 / 28);
    assertCentre(1, 0.5 / 28, 0.5 / 28);
    assertCentre(2, 1.5 / 28, 0.5 / 28);
    assertCentre(2 * 28, 0.5 / 28, 1.5 / 28);
    int stride16 = 28 * 28 * 2;
    assertCentre(stride16, 0.5 / 14, 0.5 / 14);
    int stride32 = stride16 + 14 * 14 * 2;
    for (int a = 0; a < 6; a++) {
      assertCentre(stride32 + a, 0.5 / 7, 0.5 / 7);
    }
    assertCentre(stride32 + 6, 1.5 / 7, 0.5 / 7);
    assertCentre(2253, 6.5 / 7, 6.5 / 7);
  }

  private void assertCentre(int anchor, double x, double y) {
    assertThat(centres[2 * anchor]).as("x of anchor " + anchor).isCloseTo(x, within(1e-12));
    assertThat(centres[2 * anchor + 1]).as("y of anchor " + anchor).isCloseTo(y, within(1e-12));
  }
}
