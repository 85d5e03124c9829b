package dev.slipstream.platform.db;

import java.nio.file.Path;
import java.util.Objects;

/** Where Slipstream's PostgreSQL lives: embedded under a local folder, or an external server. */
public sealed interface DatabaseLocation {

  /**
   * An embedded PostgreSQL (real server binaries shipped as a Maven artifact) whose data directory
   * is kept under {@code directory}, so a restart finds the same data.
   *
   * @param directory the folder holding the cluster's data directory; created when missing
   * @param durable whether commits reach the disk before they are acknowledged ({@code fsync} and
   *     {@code synchronous_commit} on), so acknowledged transfers and bets survive a crash of the
   *     machine; tests that only ever crash the JVM may turn it off for speed
   */
  record Embedded(Path directory, boolean durable) implements DatabaseLocation {
    /** Validates the directory. */
    public Embedded {
      Objects.requireNonNull(directory, "directory");
    }

    /** A durable embedded database under {@code directory}. */
    public Embedded(Path directory) {
      this(directory, true);
    }
  }

  /**
   * An external PostgreSQL reached through a JDBC URL such as {@code
   * jdbc:postgresql://db.internal:5432/slipstream?user=slipstream}.
   *
   * @param jdbcUrl the JDBC URL; user and password may be given in it or separately
   * @param user the user name, or empty to take it from the URL
   * @param password the password, or empty to take it from the URL or use none
   */
  record External(String jdbcUrl, String user, String password) implements DatabaseLocation {
    /** Validates that the URL names PostgreSQL. */
    public External {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "database URL must start with jdbc:postgresql: (was " + jdbcUrl + ")");
      }
    }

    /** Returns the URL with any password query parameter masked, for logs and messages. */
    public String redactedUrl() {
      return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
  }
}
