package dev.slipstream.vision.detect.onnx;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an {@link OnnxDetector} runs; checked when made, with a message naming the setting, its value
 * and what is allowed.
 *
 * @param model the {@code .onnx} file
 * @param threads ONNX Runtime intra-op threads for one inference, 1 to 16
 * @param minScore lowest detection score kept, 0 to 1
 * @param overlapThreshold intersection over union above which the lower-scoring of two person boxes
 *     is dropped (non-maximum suppression), 0 to 1; 1 keeps every box, for a model that suppresses
 *     itself
 * @param personClass the class id (the sixth value of a detection row) that means a person, 0 to
 *     9999; COCO-trained exports use 0
 * @param maxPeople most people returned per frame, 1 to 1000; the best scoring are kept
 */
public record OnnxDetectorSettings(
    Path model,
    int threads,
    double minScore,
    double overlapThreshold,
    int personClass,
    int maxPeople) {

  /** Checks every setting, naming the first that is out of range. */
  public OnnxDetectorSettings {
    Objects.requireNonNull(model, "model");
    range("onnx.threads", threads, 1, 16);
    probability("onnx.minScore", minScore);
    probability("onnx.overlapThreshold", overlapThreshold);
    range("onnx.personClass", personClass, 0, 9999);
    range("onnx.maxPeople", maxPeople, 1, 1000);
  }

  /**
   * Returns the settings for {@code model}: 1 thread, scores from 0.5, NMS at IoU 0.45 (the usual
   * YOLO export setting), class 0 is a person, at most 100 people.
   */
  public static OnnxDetectorSettings defaults(Path model) {
    return new OnnxDetectorSettings(model, 1, 0.5, 0.45, 0, 100);
  }

  /** Returns these settings keeping detections scoring at least {@code value}. */
  public OnnxDetectorSettings withMinScore(double value) {
    return new OnnxDetectorSettings(
        model, threads, value, overlapThreshold, personClass, maxPeople);
  }

  /** Returns these settings with {@code count} inference threads. */
  public OnnxDetectorSettings withThreads(int count) {
    return new OnnxDetectorSettings(
        model, count, minScore, overlapThreshold, personClass, maxPeople);
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + "=" + value + ": must be between " + min + " and " + max);
    }
  }

  private static void probability(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + "=" + value + ": must be between 0 and 1");
    }
  }
}
