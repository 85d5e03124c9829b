package dev.slipstream.vision.pose.blazepose;

import java.util.Objects;

/**
 * How the BlazePose landmark estimator runs.
 *
 * @param models where the model files are read from
 * @param model the landmark model to start with
 * @param threads TensorFlow Lite threads for one inference, 1 to 16
 * @param minPresence lowest body-presence score for which a pose is returned, 0 to 1 (MediaPipe:
 *     0.5)
 * @param regionScale how much larger than the body the model's crop is, 1 to 2 (MediaPipe: 1.25)
 */
public record EstimatorSettings(
    ModelSource models, LandmarkModel model, int threads, double minPresence, double regionScale) {

  /** Checks every setting, naming the first that is out of range. */
  public EstimatorSettings {
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(model, "model");
    Check.range("threads", threads, 1, 16);
    Check.probability("minPresence", minPresence);
    if (!(regionScale >= 1 && regionScale <= 2)) {
      throw new IllegalArgumentException(
          "regionScale must be between 1 and 2 (was " + regionScale + ")");
    }
  }

  /** Returns MediaPipe's settings with the bundled FULL model and 1 thread. */
  public static EstimatorSettings defaults() {
    return new EstimatorSettings(ModelSource.bundled(), LandmarkModel.FULL, 1, 0.5, 1.25);
  }

  /** Returns these settings reading the models from {@code source}. */
  public EstimatorSettings withModels(ModelSource source) {
    return new EstimatorSettings(source, model, threads, minPresence, regionScale);
  }

  /** Returns these settings starting with {@code landmarkModel}. */
  public EstimatorSettings withModel(LandmarkModel landmarkModel) {
    return new EstimatorSettings(models, landmarkModel, threads, minPresence, regionScale);
  }

  /** Returns these settings with {@code count} inference threads. */
  public EstimatorSettings withThreads(int count) {
    return new EstimatorSettings(models, model, count, minPresence, regionScale);
  }
}
