package dev.slipstream.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.slipstream.platform.Health;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slipstream's PostgreSQL: a HikariCP pool over an embedded or external server, the Flyway
 * migrations of every module, and the health check {@code /healthz} reports.
 *
 * <p>Open it once in the composition root and close it last: closing stops the pool and, for the
 * embedded server, PostgreSQL itself.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int HEALTH_TIMEOUT_SECONDS = 2;

  private final HikariDataSource pool;
  private final @Nullable EmbeddedPostgresServer embedded;
  private final String description;

  private Database(
      HikariDataSource pool, @Nullable EmbeddedPostgresServer embedded, String description) {
    this.pool = pool;
    this.embedded = embedded;
    this.description = description;
  }

  /**
   * Starts or connects to the database at {@code location} and opens a pool of at most {@code
   * maxPoolSize} connections, reporting pool metrics to {@code metrics} when given.
   *
   * @throws DatabaseUnavailableException when the server cannot be started or reached, with a
   *     message naming where and why
   */
  public static Database open(
      DatabaseLocation location, int maxPoolSize, @Nullable MeterRegistry metrics) {
    Objects.requireNonNull(location, "location");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1 (was " + maxPoolSize + ")");
    }
    return switch (location) {
      case DatabaseLocation.Embedded(var directory, var durable) -> {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, durable);
        try {
          HikariDataSource pool = pool(server.jdbcUrl(), "", "", maxPoolSize, metrics);
          yield new Database(
              pool,
              server,
              "embedded PostgreSQL " + serverVersion(pool) + " (data in " + directory + ")");
        } catch (RuntimeException e) {
          server.close();
          throw new DatabaseUnavailableException(
              "cannot connect to the embedded PostgreSQL in "
                  + directory
                  + ": "
                  + EmbeddedPostgresServer.rootMessage(e),
              e);
        }
      }
      case DatabaseLocation.External external -> {
        probe(external);
        HikariDataSource pool;
        try {
          pool =
              pool(external.jdbcUrl(), external.user(), external.password(), maxPoolSize, metrics);
        } catch (RuntimeException e) {
          throw unreachable(external, e);
        }
        yield new Database(
            pool,
            null,
            "external PostgreSQL " + serverVersion(pool) + " at " + external.redactedUrl());
      }
    };
  }

  /**
   * Opens and closes one plain connection, so that an unreachable server is reported in one
   * sentence before the pool starts (the pool would log a stack trace of its own).
   */
  private static void probe(DatabaseLocation.External external) {
    Properties props = new Properties();
    if (!external.user().isEmpty()) {
      props.setProperty("user", external.user());
    }
    if (!external.password().isEmpty()) {
      props.setProperty("password", external.password());
    }
    props.setProperty("connectTimeout", "5");
    try (Connection c = new org.postgresql.Driver().connect(external.jdbcUrl(), props)) {
      if (c == null) {
        throw new SQLException("the PostgreSQL driver does not accept this URL");
      }
    } catch (SQLException e) {
      throw unreachable(external, e);
    }
  }

  private static DatabaseUnavailableException unreachable(
      DatabaseLocation.External external, Exception e) {
    return new DatabaseUnavailableException(
        "cannot connect to PostgreSQL at "
            + external.redactedUrl()
            + ": "
            + EmbeddedPostgresServer.rootMessage(e),
        e);
  }

  private static HikariDataSource pool(
      String url, String user, String password, int size, @Nullable MeterRegistry metrics) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("slipstream-db");
    config.setJdbcUrl(url);
    if (!user.isEmpty()) {
      config.setUsername(user);
    }
    if (!password.isEmpty()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    config.setConnectionTimeout(5_000);
    // Fail at start-up, not on the first request, when the server is not there.
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("connectTimeout", "5");
    config.addDataSourceProperty("ApplicationName", "slipstream");
    if (metrics != null) {
      config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
    }
    return new HikariDataSource(config);
  }

  private static String serverVersion(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "PostgreSQL did not report its version: " + e.getMessage(), e);
    }
  }

  /**
   * Brings every given schema up to date with its module's Flyway scripts, each schema with its own
   * history table, in the order given.
   *
   * @throws FlywayException when a script fails; the failed script's changes are rolled back
   */
  public void migrate(List<SchemaMigration> migrations) {
    for (SchemaMigration migration : migrations) {
      Flyway flyway =
          Flyway.configure()
              .dataSource(pool)
              .schemas(migration.schema())
              .createSchemas(true)
              .locations(migration.location())
              .failOnMissingLocations(true)
              .load();
      int applied = flyway.migrate().migrationsExecuted;
      var current = flyway.info().current();
      log.info(
          "schema {}: at version {} ({} migration(s) applied now)",
          migration.schema(),
          current == null ? "none" : current.getVersion(),
          applied);
    }
  }

  /** Returns the pooled data source every module's repositories use. */
  public DataSource dataSource() {
    return pool;
  }

  /** Returns what this database is, for people: kind, version and where. */
  public String description() {
    return description;
  }

  /** Runs a trivial query with a short timeout and says whether the database answered. */
  public Health health() {
    long started = System.nanoTime();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(HEALTH_TIMEOUT_SECONDS);
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        rs.next();
      }
      long micros = (System.nanoTime() - started) / 1_000;
      return Health.up(
          "PostgreSQL answered in " + (micros / 1000) + "." + (micros % 1000) / 100 + " ms");
    } catch (SQLException | RuntimeException e) {
      return Health.down("PostgreSQL did not answer: " + EmbeddedPostgresServer.rootMessage(e));
    }
  }

  /** Closes the pool and then, if embedded, stops PostgreSQL. */
  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
