package dev.slipstream.vision.detect.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.track.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs models written by the test ({@link TestModels}) through the real ONNX Runtime: boxes come
 * back in frame pixels through the letterbox, the filters (score, class, overlap) apply, and models
 * that break the contract are refused with the file and the shapes named.
 */
class OnnxDetectorTest {
  @TempDir Path dir;

  /** A dark frame with a white rectangle at [x, x + w) × [y, y + h). */
  private static VideoFrame frameWithBlock(int width, int height, int x, int y, int w, int h) {
    byte[] bgr = new byte[width * height * 3];
    for (int row = 0; row < height; row++) {
      for (int col = 0; col < width; col++) {
        boolean inside = col >= x && col < x + w && row >= y && row < y + h;
        int at = (row * width + col) * 3;
        bgr[at] = (byte) (inside ? 255 : 30);
        bgr[at + 1] = (byte) (inside ? 255 : 40);
        bgr[at + 2] = (byte) (inside ? 255 : 50);
      }
    }
    return new VideoFrame(0, 0, width, height, bgr);
  }

  private OnnxDetector detector(boolean batched) throws IOException {
    return OnnxDetector.create(
        OnnxDetectorSettings.defaults(
            TestModels.brightBoxDetector(dir.resolve("bright.onnx"), batched)));
  }

  private static void assertBox(PixelBox box, double x, double y, double right, double bottom) {
    assertThat(box.x()).as("left").isCloseTo(x, within(1.0));
    assertThat(box.y()).as("top").isCloseTo(y, within(1.0));
    assertThat(box.right()).as("right").isCloseTo(right, within(1.0));
    assertThat(box.bottom()).as("bottom").isCloseTo(bottom, within(1.0));
  }

  @Test
  void aPersonOnAWideFrameComesBackInFramePixelsThroughTheLetterbox() throws IOException {
    try (OnnxDetector detector = detector(false)) {
      assertThat(detector.inputWidth()).isEqualTo(256);
      assertThat(detector.inputHeight()).isEqualTo(192);
      // 640×360 into 256×192: scale 0.4, grey bands 24 px high above and below.
      List<Detection> people = detector.detect(frameWithBlock(640, 360, 400, 100, 80, 160));
      assertThat(people).hasSize(1);
      assertBox(people.get(0).box(), 400, 100, 480, 260);
      assertThat(people.get(0).score()).isCloseTo(0.9, within(1e-6));
    }
  }

  @Test
  void aPersonOnATallFrameComesBackInFramePixelsThroughTheSideBands() throws IOException {
    try (OnnxDetector detector = detector(true)) {
      // 200×400 into 256×192: scale 0.48, grey bands 80 px wide left and right.
      List<Detection> people = detector.detect(frameWithBlock(200, 400, 50, 100, 100, 200));
      assertThat(people).hasSize(1);
      assertBox(people.get(0).box(), 50, 100, 150, 300);
    }
  }

  @Test
  void theDetectorFollowsThePersonFromFrameToFrame() throws IOException {
    try (OnnxDetector detector = detector(false)) {
      assertBox(
          detector.detect(frameWithBlock(640, 360, 20, 50, 40, 100)).get(0).box(), 20, 50, 60, 150);
      assertBox(
          detector.detect(frameWithBlock(640, 360, 560, 200, 40, 100)).get(0).box(),
          560,
          200,
          600,
          300);
    }
  }

  @Test
  void aFrameWithNobodyGivesNoPeople() throws IOException {
    try (OnnxDetector detector = detector(false)) {
      assertThat(detector.detect(frameWithBlock(640, 360, 0, 0, 0, 0))).isEmpty();
    }
  }

  @Test
  void overlappingBoxesOtherClassesAndFaintBoxesAreDropped() throws IOException {
    Path model = TestModels.brightBoxDetector(dir.resolve("bright.onnx"), false);
    VideoFrame frame = frameWithBlock(640, 360, 400, 100, 80, 160);
    // Without suppression the shifted copy (score 0.8) comes back too; with a low score line the
    // faint box (0.2) as well; the ball (class 32) never does.
    OnnxDetectorSettings everything = new OnnxDetectorSettings(model, 1, 0.1, 1.0, 0, 100);
    try (OnnxDetector detector = OnnxDetector.create(everything)) {
      assertThat(detector.detect(frame))
          .extracting(d -> Math.round(d.score() * 1000) / 1000.0)
          .containsExactly(0.9, 0.8, 0.2);
    }
  }

  @Test
  void theBallIsAPersonOnlyWhenItsClassIsNamed() throws IOException {
    Path model = TestModels.brightBoxDetector(dir.resolve("bright.onnx"), false);
    try (OnnxDetector detector =
        OnnxDetector.create(new OnnxDetectorSettings(model, 1, 0.5, 0.45, 32, 100))) {
      List<Detection> balls = detector.detect(frameWithBlock(640, 360, 0, 0, 0, 0));
      assertThat(balls).hasSize(1);
      // (10, 10)–(60, 60) in the input is (25, -35)–(150, 90) on the frame, cut at its top.
      assertBox(balls.get(0).box(), 25, 0, 150, 90);
    }
  }

  @Test
  void aModelWithTheWrongOutputShapeIsRefusedNamingFileAndShapes() throws IOException {
    Path model =
        TestModels.constantOutput(
            dir.resolve("five-columns.onnx"),
            new long[] {1, 3, 64, 64},
            new long[] {-1, 5},
            new long[] {2, 5});
    assertThatThrownBy(() -> OnnxDetector.create(OnnxDetectorSettings.defaults(model)))
        .isInstanceOf(OnnxModelException.class)
        .hasMessage(
            "ONNX model "
                + model
                + ": output 'detections' has shape [-1, 5]; expected float32 [N, 6] or [1, N, 6]"
                + " rows of (x1, y1, x2, y2, score, class)");
  }

  @Test
  void aModelWithAGreyInputIsRefusedNamingFileAndShapes() throws IOException {
    Path model =
        TestModels.constantOutput(
            dir.resolve("grey.onnx"),
            new long[] {1, 1, 64, 64},
            new long[] {-1, 6},
            new long[] {2, 6});
    assertThatThrownBy(() -> OnnxDetector.create(OnnxDetectorSettings.defaults(model)))
        .isInstanceOf(OnnxModelException.class)
        .hasMessage(
            "ONNX model "
                + model
                + ": input 'images' has shape [1, 1, 64, 64]; expected float32 [1, 3, H, W]"
                + " (RGB planes) with H and W fixed");
  }

  @Test
  void anOutputThatTurnsOutWrongOnAFrameFailsThatFrameNamingTheShape() throws IOException {
    Path model =
        TestModels.constantOutput(
            dir.resolve("open.onnx"),
            new long[] {1, 3, 64, 64},
            new long[] {-1, -1},
            new long[] {2, 5});
    try (OnnxDetector detector = OnnxDetector.create(OnnxDetectorSettings.defaults(model))) {
      assertThatThrownBy(() -> detector.detect(frameWithBlock(64, 64, 0, 0, 0, 0)))
          .isInstanceOf(OnnxModelException.class)
          .hasMessage(
              "ONNX model "
                  + model
                  + ": output 'detections' came out with shape [2, 5]; expected [N, 6] or [1, N, 6]");
    }
  }

  @Test
  void aMissingModelFileIsNamed() {
    Path missing = dir.resolve("nowhere.onnx");
    assertThatThrownBy(() -> OnnxDetector.create(OnnxDetectorSettings.defaults(missing)))
        .isInstanceOf(OnnxModelException.class)
        .hasMessage("ONNX model " + missing + ": no such file");
  }

  @Test
  void aCorruptModelFileIsNamed() throws IOException {
    Path corrupt = Files.write(dir.resolve("corrupt.onnx"), "not a model at all".getBytes());
    assertThatThrownBy(() -> OnnxDetector.create(OnnxDetectorSettings.defaults(corrupt)))
        .isInstanceOf(OnnxModelException.class)
        .hasMessageStartingWith("ONNX model " + corrupt + ": ONNX Runtime cannot load it: ");
  }

  @Test
  void aClosedDetectorRefusesFrames() throws IOException {
    OnnxDetector detector = detector(false);
    detector.close();
    detector.close();
    assertThatThrownBy(() -> detector.detect(frameWithBlock(64, 64, 0, 0, 0, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheSetting() {
    Path model = dir.resolve("any.onnx");
    assertThatThrownBy(() -> new OnnxDetectorSettings(model, 0, 0.5, 0.45, 0, 100))
        .hasMessage("onnx.threads=0: must be between 1 and 16");
    assertThatThrownBy(() -> new OnnxDetectorSettings(model, 1, 1.5, 0.45, 0, 100))
        .hasMessage("onnx.minScore=1.5: must be between 0 and 1");
    assertThatThrownBy(() -> new OnnxDetectorSettings(model, 1, 0.5, Double.NaN, 0, 100))
        .hasMessage("onnx.overlapThreshold=NaN: must be between 0 and 1");
    assertThatThrownBy(() -> new OnnxDetectorSettings(model, 1, 0.5, 0.45, -1, 100))
        .hasMessage("onnx.personClass=-1: must be between 0 and 9999");
    assertThatThrownBy(() -> new OnnxDetectorSettings(model, 1, 0.5, 0.45, 0, 0))
        .hasMessage("onnx.maxPeople=0: must be between 1 and 1000");
  }
}
