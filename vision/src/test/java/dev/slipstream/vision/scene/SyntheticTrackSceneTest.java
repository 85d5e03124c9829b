package dev.slipstream.vision.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.Homography;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.junit.jupiter.api.Test;

class SyntheticTrackSceneTest {
  private final SyntheticTrackScene scene = SyntheticTrackScene.create(7, 4);

  private static byte[] pixels(ObjLongConsumer<BufferedImage> source, long millis) {
    BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
    source.accept(image, millis);
    return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
  }

  @Test
  void theSameSeedAndTimeDrawTheSameFrameAndTheScriptRepeatsEveryPeriod() {
    SyntheticTrackScene again = SyntheticTrackScene.create(7, 4);
    assertThat(pixels(scene, 12_345)).isEqualTo(pixels(again, 12_345));
    assertThat(pixels(scene, 12_345)).isEqualTo(pixels(scene, 12_345 + 48_000));
    assertThat(pixels(scene, 12_345)).isNotEqualTo(pixels(scene, 12_412));
    assertThat(pixels(scene, 12_345))
        .isNotEqualTo(pixels(SyntheticTrackScene.create(8, 4), 12_345));
  }

  @Test
  void athletesRunTheirScripts() {
    List<AthleteState> early = scene.athletesAt(3_000_000);
    assertThat(early).extracting(AthleteState::lane).containsExactly(1, 3, 5, 7);
    assertThat(early.get(0).speedMps()).isCloseTo(7.33, within(0.01));
    // The interval runner: jogging at first, flat out after the acceleration.
    assertThat(scene.athletesAt(1_000_000).get(1).speedMps()).isLessThan(5);
    assertThat(scene.athletesAt(10_000_000).get(1).speedMps()).isGreaterThan(9);
    // Distance between two moments is the integral of the speed.
    GroundPoint a = scene.athletesAt(20_000_000).get(0).position();
    GroundPoint b = scene.athletesAt(20_500_000).get(0).position();
    assertThat(b.x() - a.x()).isCloseTo(7.33 * 0.5, within(0.01));
    // Four athletes in lanes 1, 3, 5 and 7 come close on the frame only when one passes another
    // in the far lanes, which are nearer each other on the frame.
    List<AthleteState> samples = new java.util.ArrayList<>();
    for (long t = 0; t < 48_000_000; t += 100_000) {
      samples.addAll(scene.athletesAt(t).stream().filter(AthleteState::inView).toList());
    }
    assertThat(samples.stream().filter(AthleteState::occluded).count())
        .isLessThan(samples.size() / 20);
    assertThat(samples).filteredOn(s -> s.lane() == 1).noneMatch(AthleteState::occluded);
  }

  @Test
  void farLanesLookSmaller() {
    AthleteState near = scene.athletesAt(0).get(0);
    AthleteState far = scene.athletesAt(0).get(3);
    double nearScale = scene.camera().pixelsPerMetreAt(near.position().x(), near.position().y(), 0);
    double farScale = scene.camera().pixelsPerMetreAt(far.position().x(), far.position().y(), 0);
    assertThat(farScale).isLessThan(0.9 * nearScale);
  }

  @Test
  void theCalibrationMapsTheDrawnFeetToTheTrueGroundPosition() {
    Homography calibration = scene.calibration();
    assertThat(calibration.rmsErrorMetres()).isLessThan(1e-6);
    for (AthleteState athlete : scene.athletesAt(5_000_000)) {
      PixelPoint feet = scene.camera().project(athlete.position());
      assertThat(calibration.toGround(feet).distanceTo(athlete.position())).isLessThan(0.01);
    }
  }

  @Test
  void theZoneRunnerEntersTheZoneOnceALapAndTheJumperJumpsTwiceAPeriod() {
    List<ZoneEntry> entries = scene.zoneEntries(0, 48_000_000);
    assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.athlete()).isEqualTo(3));
    ZoneEntry first = entries.get(0);
    assertThat(scene.zone().contains(scene.athletesAt(first.mediaTimeUs()).get(3).position()))
        .isTrue();
    assertThat(
            scene.zone().contains(scene.athletesAt(first.mediaTimeUs() - 2000).get(3).position()))
        .isFalse();
    List<ScriptedJump> jumps = scene.jumps(0, 96_000_000);
    assertThat(jumps).hasSize(4).allSatisfy(j -> assertThat(j.athlete()).isEqualTo(2));
    ScriptedJump jump = jumps.get(0);
    assertThat(jump.heightM()).isCloseTo(0.34, within(0.01));
    assertThat(scene.athletesAt((jump.takeOffUs() + jump.landingUs()) / 2).get(2).liftM())
        .isCloseTo(jump.heightM(), within(0.01));
  }

  @Test
  void itDrawsOnlyIntoFramesOfItsOwnSizeAndType() {
    assertThatThrownBy(
            () -> scene.accept(new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("640×360 TYPE_3BYTE_BGR");
    assertThatThrownBy(() -> SyntheticTrackScene.create(1, 9)).hasMessageContaining("athletes=9");
  }
}
