package dev.slipstream.vision.analytics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.vision.events.EventSettings;
import dev.slipstream.vision.kinematics.GaitSettings;
import dev.slipstream.vision.kinematics.MotionSettings;
import dev.slipstream.vision.kinematics.SportProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerSettingsTest {

  @Test
  void aSprintStopThresholdAboveTheStartIsRefusedWithBothValues() {
    assertThatThrownBy(() -> new EventSettings(7.0, 8.0, 300_000, List.of(), 0.5, 0.15, 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events.sprintStopMps=8.0: must be above 0 and below sprintStartMps (7.0)");
  }

  @Test
  void anImpossibleSportLimitIsRefused() {
    assertThatThrownBy(() -> new SportProfile("rocket", 40, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sportProfile.maxSpeedMps=40.0: must be between 0.5 and 15 m/s");
  }

  @Test
  void aNegativeFeetDepthIsRefused() {
    assertThatThrownBy(() -> new MotionSettings(500_000, 1_000_000, 4, 1.0, 5, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("motion.feetDepthM=-0.1: must be between 0 and 1 m");
  }

  @Test
  void anAccelerationWindowShorterThanTheVelocityWindowIsRefused() {
    assertThatThrownBy(() -> new MotionSettings(500_000, 300_000, 4, 1.0, 5, 0.15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "motion.accelerationWindowUs=300000: must be between velocityWindowUs (500000) and"
                + " 4000000");
  }

  @Test
  void aVisibilityOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new GaitSettings(1.5, 800_000, 0.08, 2.0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gait.minVisibility=1.5: must be between 0 and 1");
  }

  @Test
  void aSpeedThresholdOfZeroIsRefused() {
    assertThatThrownBy(() -> EventSettings.defaults().withSpeedThresholds(List.of(9.0, 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events.speedThresholdsMps contains 0.0: each must be above 0 and at most 15");
  }
}
