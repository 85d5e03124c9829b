package dev.slipstream.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real embedded PostgreSQL per test JVM, started on first use in a temporary folder and stopped
 * (and the folder removed) when the JVM exits. Tests use their own schemas and clean their tables,
 * so sharing the server keeps suites fast without coupling tests.
 */
public final class TestDatabase {
  private static Database shared;

  private TestDatabase() {}

  /** Returns the shared embedded database, starting it on first call. */
  public static synchronized Database embedded() {
    if (shared == null) {
      try {
        Path folder = Files.createTempDirectory("slipstream-test-db");
        // Not durable: tests crash JVMs, never the machine, and fsync would only slow them.
        Database db = Database.open(new DatabaseLocation.Embedded(folder, false), 8, null);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      db.close();
                      deleteRecursively(folder);
                    },
                    "test-database-stop"));
        shared = db;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temp folder left behind is harmless.
    }
  }
}
