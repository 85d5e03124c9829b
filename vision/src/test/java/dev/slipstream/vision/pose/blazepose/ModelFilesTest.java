package dev.slipstream.vision.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.vision.geometry.PixelBox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files are checked before TensorFlow Lite reads them, and refusals name the file. */
class ModelFilesTest {

  @TempDir Path dir;

  @Test
  void aTamperedModelIsRefusedAtConstructionNamingTheFileAndBothHashes() throws IOException {
    copyBundled(LandmarkModel.FULL.fileName());
    Path model = dir.resolve(LandmarkModel.FULL.fileName());
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(model, bytes);

    assertThatThrownBy(
            () ->
                BlazePoseEstimator.create(
                    EstimatorSettings.defaults().withModels(ModelSource.directory(dir))))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining(model.toString())
        .hasMessageContaining("SHA-256")
        .hasMessageContaining("e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f");
  }

  @Test
  void aMissingModelIsReportedByItsPath() {
    Path expected = dir.resolve("pose_detection.tflite");

    assertThatThrownBy(
            () ->
                BlazePoseDetector.create(
                    DetectorSettings.defaults().withModels(ModelSource.directory(dir))))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining(expected.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void aTruncatedModelIsRefusedBeforeNativeCodeReadsIt() throws IOException {
    copyBundled("pose_detection.tflite");
    Path model = dir.resolve("pose_detection.tflite");
    Files.write(model, Arrays.copyOf(Files.readAllBytes(model), 4096));

    assertThatThrownBy(
            () ->
                BlazePoseDetector.create(
                    DetectorSettings.defaults().withModels(ModelSource.directory(dir))))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining(model.toString());
  }

  @Test
  void switchingToAModelThatIsMissingFailsAndKeepsTheCurrentOne() throws IOException {
    copyBundled(LandmarkModel.FULL.fileName());
    try (BlazePoseEstimator estimator =
        BlazePoseEstimator.create(
            EstimatorSettings.defaults().withModels(ModelSource.directory(dir)))) {

      assertThatThrownBy(() -> estimator.useModel(LandmarkModel.LITE))
          .isInstanceOf(ModelFileException.class)
          .hasMessageContaining(LandmarkModel.LITE.fileName());
      assertThat(estimator.model()).isEqualTo(LandmarkModel.FULL);
      assertThat(estimator.estimate(TestPictures.messi(), new PixelBox(90, 50, 350, 290)))
          .isPresent();
    }
  }

  @Test
  void modelsCopiedToADirectoryLoadFromThere() throws IOException {
    copyBundled("pose_detection.tflite");
    try (BlazePoseDetector detector =
        BlazePoseDetector.create(
            DetectorSettings.defaults().withModels(ModelSource.directory(dir)))) {
      assertThat(detector.detectPeople(TestPictures.messi())).hasSize(1);
    }
  }

  @Test
  void theBundledModelsShipWithMediaPipesNoticeAndTheApacheLicence() throws IOException {
    String notice = bundledText("NOTICE");
    String licence = bundledText("LICENSE");

    assertThat(notice).contains("@mediapipe/pose", "0.5.1675469404", "Apache License, Version 2.0");
    assertThat(licence).contains("Apache License", "Version 2.0, January 2004");
    assertThat(bundledText("models.sha256"))
        .contains(
            "pose_detection.tflite", "pose_landmark_full.tflite", "pose_landmark_lite.tflite");
  }

  private void copyBundled(String fileName) throws IOException {
    try (InputStream in = bundled(fileName)) {
      Files.copy(in, dir.resolve(fileName));
    }
  }

  private static String bundledText(String fileName) throws IOException {
    try (InputStream in = bundled(fileName)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream bundled(String fileName) {
    return Objects.requireNonNull(
        ModelFilesTest.class
            .getClassLoader()
            .getResourceAsStream(ModelFiles.RESOURCE_DIR + fileName),
        fileName);
  }
}
