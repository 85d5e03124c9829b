package dev.slipstream.vision.pose.blazepose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a model file from its {@link ModelSource} and checks it against {@code models.sha256}, the
 * hash list the build verified the npm download with. The runtime checks again because a model
 * directory on disk can be edited after the build, and a damaged model can crash native code.
 */
final class ModelFiles {

  static final String RESOURCE_DIR = "dev/slipstream/vision/pose/blazepose/models/";
  private static final String MANIFEST = "models.sha256";

  private ModelFiles() {}

  /** Returns the verified bytes of {@code fileName} from {@code source}. */
  static byte[] read(ModelSource source, String fileName) {
    String expected = expectedHashes().get(fileName);
    if (expected == null) {
      throw new ModelFileException(
          RESOURCE_DIR + MANIFEST + " records no hash for " + fileName + "; refusing to load it");
    }
    String where = describe(source, fileName);
    byte[] bytes = readBytes(source, fileName, where);
    String actual = sha256(bytes);
    if (!actual.equals(expected)) {
      throw new ModelFileException(
          "model file "
              + where
              + " has SHA-256 "
              + actual
              + " but "
              + expected
              + " was recorded for "
              + fileName
              + "; the file is damaged or not the BlazePose model this code was built for");
    }
    return bytes;
  }

  /** Returns where {@code fileName} is read from, for messages. */
  static String describe(ModelSource source, String fileName) {
    return switch (source) {
      case ModelSource.Bundled bundled -> "classpath:" + RESOURCE_DIR + fileName;
      case ModelSource.Directory directory -> directory.path().resolve(fileName).toString();
    };
  }

  private static byte[] readBytes(ModelSource source, String fileName, String where) {
    try {
      return switch (source) {
        case ModelSource.Bundled bundled -> {
          try (InputStream in = resource(fileName)) {
            if (in == null) {
              throw new ModelFileException(
                  "model file "
                      + where
                      + " is missing from the classpath; the vision build fetches it with npm"
                      + " (scripts/fetch-blazepose-models.mjs)");
            }
            yield in.readAllBytes();
          }
        }
        case ModelSource.Directory directory -> {
          Path path = directory.path().resolve(fileName);
          yield Files.readAllBytes(path);
        }
      };
    } catch (NoSuchFileException e) {
      throw new ModelFileException("model file " + where + " does not exist", e);
    } catch (IOException e) {
      throw new ModelFileException("model file " + where + " cannot be read: " + e, e);
    }
  }

  private static Map<String, String> expectedHashes() {
    try (InputStream in = resource(MANIFEST)) {
      if (in == null) {
        throw new ModelFileException(
            RESOURCE_DIR
                + MANIFEST
                + " is missing from the classpath; the vision jar is incomplete");
      }
      Map<String, String> hashes = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] parts = trimmed.split("\\s+\\*?", 2);
        hashes.put(parts[1], parts[0]);
      }
      return hashes;
    } catch (IOException e) {
      throw new ModelFileException(RESOURCE_DIR + MANIFEST + " cannot be read: " + e, e);
    }
  }

  private static @Nullable InputStream resource(String fileName) {
    return ModelFiles.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
