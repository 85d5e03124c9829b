package dev.slipstream.vision.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaultsAreMediaPipesWithOneThread() {
    DetectorSettings detector = DetectorSettings.defaults();
    EstimatorSettings estimator = EstimatorSettings.defaults();

    assertThat(detector.threads()).isOne();
    assertThat(detector.minScore()).isEqualTo(0.5);
    assertThat(detector.overlapThreshold()).isEqualTo(0.3);
    assertThat(estimator.threads()).isOne();
    assertThat(estimator.model()).isEqualTo(LandmarkModel.FULL);
    assertThat(estimator.minPresence()).isEqualTo(0.5);
    assertThat(estimator.regionScale()).isEqualTo(1.25);
    assertThat(estimator.models()).isEqualTo(ModelSource.bundled());
  }

  @Test
  void anOutOfRangeSettingIsRefusedWithItsNameValueAndRange() {
    assertThatThrownBy(() -> DetectorSettings.defaults().withThreads(0))
        .hasMessage("threads must be between 1 and 16 (was 0)");
    assertThatThrownBy(() -> DetectorSettings.defaults().withMaxPeople(0))
        .hasMessage("maxPeople must be between 1 and 100 (was 0)");
    assertThatThrownBy(() -> new DetectorSettings(ModelSource.bundled(), 1, 1.5, 0.3, 5))
        .hasMessage("minScore must be between 0 and 1 (was 1.5)");
    assertThatThrownBy(
            () ->
                new EstimatorSettings(
                    ModelSource.bundled(), LandmarkModel.LITE, 1, Double.NaN, 1.25))
        .hasMessage("minPresence must be between 0 and 1 (was NaN)");
    assertThatThrownBy(
            () -> new EstimatorSettings(ModelSource.bundled(), LandmarkModel.LITE, 1, 0.5, 3))
        .hasMessage("regionScale must be between 1 and 2 (was 3.0)");
  }
}
