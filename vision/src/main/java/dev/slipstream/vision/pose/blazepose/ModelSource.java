package dev.slipstream.vision.pose.blazepose;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the BlazePose model files are read from. Either source is checked against the SHA-256
 * hashes the build recorded, so a changed or damaged file is refused before TensorFlow Lite reads
 * it.
 */
public sealed interface ModelSource {

  /** Returns the models bundled in the vision jar, fetched and verified by the build. */
  static ModelSource bundled() {
    return new Bundled();
  }

  /**
   * Returns model files with their usual names (e.g. {@code pose_detection.tflite}) in {@code dir}.
   */
  static ModelSource directory(Path dir) {
    return new Directory(dir);
  }

  /** The models on the classpath under {@code dev/slipstream/vision/pose/blazepose/models/}. */
  record Bundled() implements ModelSource {}

  /**
   * Model files in a directory on disk.
   *
   * @param path the directory holding the {@code .tflite} files
   */
  record Directory(Path path) implements ModelSource {

    /** Checks the path is given. */
    public Directory {
      Objects.requireNonNull(path, "path");
    }
  }
}
