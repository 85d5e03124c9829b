package dev.slipstream.platform.db;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One module's database schema and the Flyway scripts that build it. Each module owns one
 * PostgreSQL schema with its own migration history, so modules never collide on version numbers.
 *
 * @param schema the PostgreSQL schema name, lower case (e.g. {@code media})
 * @param location the Flyway location of the module's scripts (e.g. {@code classpath:db/media})
 */
public record SchemaMigration(String schema, String location) {
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** Validates the schema name and location. */
  public SchemaMigration {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(location, "location");
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema name must be lower-case letters, digits and _ (was " + schema + ")");
    }
    if (!location.startsWith("classpath:") && !location.startsWith("filesystem:")) {
      throw new IllegalArgumentException(
          "migration location must start with classpath: or filesystem: (was " + location + ")");
    }
  }
}
