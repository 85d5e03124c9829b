package dev.slipstream.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the vision pipeline finds people in each frame.
 *
 * @param onnxModel the ONNX person detector to run, or empty for background subtraction
 */
public record VisionDetectorConfig(Optional<Path> onnxModel) {

  static VisionDetectorConfig load(Map<Setting, SettingValue> v) {
    SettingValue kind = v.get(Settings.VISION_DETECTOR);
    SettingValue model = v.get(Settings.VISION_ONNX_MODEL);
    String detector = SlipstreamConfig.oneOf(kind, "background", "onnx");
    String file = model.value().strip();
    if (detector.equals("background")) {
      if (!file.isEmpty()) {
        throw model.invalid(
            "is only used with vision.detector=onnx (vision.detector is background)");
      }
      return new VisionDetectorConfig(Optional.empty());
    }
    if (file.isEmpty()) {
      throw model.invalid("must name the .onnx file when vision.detector is onnx");
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw model.invalid("no such file");
    }
    if (!Files.isReadable(path)) {
      throw model.invalid("cannot be read");
    }
    return new VisionDetectorConfig(Optional.of(path));
  }
}
