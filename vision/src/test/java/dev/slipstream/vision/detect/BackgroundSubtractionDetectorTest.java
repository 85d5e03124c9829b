package dev.slipstream.vision.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.scene.AthleteState;
import dev.slipstream.vision.scene.SyntheticTrackScene;
import dev.slipstream.vision.track.Detection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundSubtractionDetectorTest {
  private static final long FRAME_US = 1_000_000 / 15;
  private static final SyntheticTrackScene SCENE = SyntheticTrackScene.create(7, 4);

  private BackgroundSubtractionDetector detector;

  @AfterEach
  void close() {
    if (detector != null) {
      detector.close();
    }
  }

  /** Runs the detector over the scene's first {@code frames} frames; returns the last result. */
  private List<Detection> warmUp(int frames) {
    List<Detection> last = List.of();
    for (int i = 0; i < frames; i++) {
      last = detector.detect(SCENE.frame(i * FRAME_US, 0));
    }
    return last;
  }

  private static void assertEveryAthleteInViewIsFound(List<Detection> found, long timeUs) {
    List<AthleteState> inView =
        SCENE.athletesAt(timeUs).stream().filter(AthleteState::inView).toList();
    assertThat(inView).isNotEmpty();
    assertThat(found).hasSize(inView.size());
    for (AthleteState athlete : inView) {
      assertThat(found)
          .as("athlete %d at %s", athlete.athlete(), athlete.box())
          .anySatisfy(
              d -> {
                assertThat(d.box().intersectionOverUnion(athlete.box())).isGreaterThan(0.6);
                assertThat(d.score()).isGreaterThanOrEqualTo(0.6);
              });
    }
  }

  @Test
  void mog2FindsEveryRunnerInViewAndNothingElse() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults(), SCENE.calibration());
    assertEveryAthleteInViewIsFound(warmUp(46), 45 * FRAME_US);
  }

  @Test
  void knnFindsThemToo() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults().withModel(BackgroundModel.KNN),
            SCENE.calibration());
    assertEveryAthleteInViewIsFound(warmUp(46), 45 * FRAME_US);
  }

  @Test
  void withoutACalibrationPixelLimitsSizePeople() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults().withHeightPx(12, 60), null);
    assertEveryAthleteInViewIsFound(warmUp(46), 45 * FRAME_US);
  }

  @Test
  void shadowsCastOnTheTrackAreNotPartOfTheRunner() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults(), SCENE.calibration());
    List<Detection> found = warmUp(46);
    for (AthleteState athlete : SCENE.athletesAt(45 * FRAME_US)) {
      if (!athlete.inView()) {
        continue;
      }
      PixelBox truth = athlete.box();
      // Shadows fall behind and to the right of the feet; a box swallowing one grows there.
      assertThat(found)
          .anySatisfy(
              d -> {
                assertThat(d.box().bottom()).isCloseTo(truth.bottom(), within(2.5));
                assertThat(d.box().right()).isLessThanOrEqualTo(truth.right() + 2.5);
              });
    }
  }

  @Test
  void theFirstFrameOnlySeedsTheBackground() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults(), SCENE.calibration());
    assertThat(detector.detect(SCENE.frame(3_000_000, 0))).isEmpty();
  }

  @Test
  void aFrameOfAnotherSizeIsRejectedWithItsReason() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults(), SCENE.calibration());
    warmUp(3);
    VideoFrame smaller = new VideoFrame(10_000_000, 0, 320, 180, new byte[320 * 180 * 3]);
    assertThatThrownBy(() -> detector.detect(smaller))
        .isInstanceOfSatisfying(
            FrameRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(FrameRejectedException.FRAME_SIZE_CHANGED))
        .hasMessageContaining("320×180")
        .hasMessageContaining("640×360");
  }

  @Test
  void aCorruptFrameIsRejectedAndDetectionCarriesOnAfterIt() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults(), SCENE.calibration());
    warmUp(40);
    byte[] garbage = new byte[640 * 360 * 3];
    new SplittableRandom(1).nextBytes(garbage);
    VideoFrame corrupt = new VideoFrame(40 * FRAME_US, 0, 640, 360, garbage);
    assertThatThrownBy(() -> detector.detect(corrupt))
        .isInstanceOfSatisfying(
            FrameRejectedException.class,
            e -> assertThat(e.code()).isEqualTo(FrameRejectedException.FOREGROUND_FLOOD));
    List<Detection> after = List.of();
    for (int i = 41; i <= 45; i++) {
      after = detector.detect(SCENE.frame(i * FRAME_US, 0));
    }
    assertEveryAthleteInViewIsFound(after, 45 * FRAME_US);
  }

  @Test
  void aClosedDetectorRefusesFrames() {
    detector =
        new BackgroundSubtractionDetector(
            BackgroundSubtractionSettings.defaults(), SCENE.calibration());
    detector.close();
    assertThatThrownBy(() -> detector.detect(SCENE.frame(0, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void settingsNameTheValueThatIsOutOfRange() {
    assertThatThrownBy(() -> BackgroundSubtractionSettings.defaults().withHeightPx(50, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("detect.maxHeightPx=20: must be between 50 and 4096");
    assertThatThrownBy(() -> BackgroundSubtractionSettings.defaults().withLearningRate(2))
        .hasMessageContaining("detect.learningRate=2.0");
  }
}
