package dev.slipstream.vision.pose.blazepose;

import java.util.Objects;

/**
 * How the BlazePose person detector runs.
 *
 * @param models where the model file is read from
 * @param threads TensorFlow Lite threads for one inference, 1 to 16
 * @param minScore lowest detection score kept, 0 to 1 (MediaPipe: 0.5)
 * @param overlapThreshold intersection over union above which two detections merge, 0 to 1
 *     (MediaPipe: 0.3)
 * @param maxPeople most people returned per frame, 1 to 100; the best scoring are kept
 */
public record DetectorSettings(
    ModelSource models, int threads, double minScore, double overlapThreshold, int maxPeople) {

  /** Checks every setting, naming the first that is out of range. */
  public DetectorSettings {
    Objects.requireNonNull(models, "models");
    Check.range("threads", threads, 1, 16);
    Check.probability("minScore", minScore);
    Check.probability("overlapThreshold", overlapThreshold);
    Check.range("maxPeople", maxPeople, 1, 100);
  }

  /** Returns MediaPipe's settings with the bundled model, 1 thread and at most 5 people. */
  public static DetectorSettings defaults() {
    return new DetectorSettings(ModelSource.bundled(), 1, 0.5, 0.3, 5);
  }

  /** Returns these settings reading the model from {@code source}. */
  public DetectorSettings withModels(ModelSource source) {
    return new DetectorSettings(source, threads, minScore, overlapThreshold, maxPeople);
  }

  /** Returns these settings keeping at most {@code count} people per frame. */
  public DetectorSettings withMaxPeople(int count) {
    return new DetectorSettings(models, threads, minScore, overlapThreshold, count);
  }

  /** Returns these settings with {@code count} inference threads. */
  public DetectorSettings withThreads(int count) {
    return new DetectorSettings(models, count, minScore, overlapThreshold, maxPeople);
  }
}
