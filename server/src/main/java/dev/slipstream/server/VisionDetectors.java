package dev.slipstream.server;

import dev.slipstream.server.config.ConfigException;
import dev.slipstream.server.config.VisionDetectorConfig;
import dev.slipstream.vision.detect.onnx.OnnxDetector;
import dev.slipstream.vision.detect.onnx.OnnxDetectorSettings;
import dev.slipstream.vision.detect.onnx.OnnxModelException;

/**
 * Start-up check of the configured person detector, so a bad model stops the start, not a stream.
 */
final class VisionDetectors {
  private VisionDetectors() {}

  /**
   * Loads the configured ONNX model once and checks its contract.
   *
   * @throws ConfigException naming the setting and what is wrong with the model
   */
  static void check(VisionDetectorConfig config) {
    config
        .onnxModel()
        .ifPresent(
            model -> {
              try (OnnxDetector detector =
                  OnnxDetector.create(OnnxDetectorSettings.defaults(model))) {
                detector.name();
              } catch (OnnxModelException e) {
                throw new ConfigException(
                    "SLIPSTREAM_VISION_ONNX_MODEL: "
                        + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
              }
            });
  }
}
