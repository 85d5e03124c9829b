package dev.slipstream.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries Maven Central ships, with its data kept under
 * a folder of ours so that a restart finds the same data.
 *
 * <p>A file lock ({@code slipstream.lock}) held for the life of this object says which process owns
 * the folder. Whoever takes the lock knows that any postmaster still running on the data directory
 * was left behind by a process that died without stopping it (a {@code kill -9}), and shuts that
 * orphan down before starting its own; a second live Slipstream on the same folder gets a clear
 * refusal instead of a corrupted cluster.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  static final String DATABASE_NAME = "slipstream";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path dataDirectory;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, Path dataDirectory) {
    this.postgres = postgres;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.dataDirectory = dataDirectory;
  }

  /** Starts (initialising on first use) the cluster kept under {@code folder}. */
  static EmbeddedPostgresServer start(Path folder, boolean durable) {
    Path directory = folder.toAbsolutePath().normalize();
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel =
          FileChannel.open(
              directory.resolve("slipstream.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel, directory);
      Path dataDirectory = directory.resolve("pgdata");
      stopOrphanPostmaster(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              .setServerConfig("listen_addresses", "127.0.0.1")
              // The library runs PostgreSQL with fsync and synchronous_commit off, for tests.
              // Acknowledged transfers and bets must survive a crash of the machine.
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              // Log segments are renamed for reuse at each checkpoint, up to this much, rather
              // than deleted: a new segment is zero-filled and synced while commits wait (about
              // 45 ms here, every 3 s at 5,000 bets/s), a reused one is not.
              .setServerConfig("min_wal_size", "1GB")
              .start();
      createApplicationDatabase(postgres);
      return new EmbeddedPostgresServer(postgres, channel, lock, dataDirectory);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(channel);
      if (e instanceof DatabaseUnavailableException unavailable) {
        throw unavailable;
      }
      throw new DatabaseUnavailableException(
          "cannot start the embedded PostgreSQL in " + directory + ": " + rootMessage(e), e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new DatabaseUnavailableException(
          "the embedded database in "
              + directory
              + " is in use by another Slipstream process; stop it or choose another data"
              + " directory");
    }
    return lock;
  }

  /**
   * Stops a postmaster left running on {@code dataDirectory} by a process that died. Only called
   * while holding the folder lock, so the postmaster cannot belong to a live Slipstream.
   */
  private static void stopOrphanPostmaster(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> orphan = runningPostmaster(dataDirectory);
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle postmaster = orphan.get();
    log.warn(
        "stopping PostgreSQL (pid {}) left running on {} by a Slipstream that did not shut down",
        postmaster.pid(),
        dataDirectory);
    // SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients and checkpoints.
    new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
    try {
      postmaster.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping orphan PostgreSQL", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new DatabaseUnavailableException(
          "a PostgreSQL (pid "
              + postmaster.pid()
              + ") is still running on "
              + dataDirectory
              + " after "
              + ORPHAN_STOP_WAIT.toSeconds()
              + " s; stop it by hand");
    }
  }

  /** Returns the live postmaster named by the data directory's pid file, if there is one. */
  private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    return Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
        .findFirst()
        .map(String::strip)
        .filter(line -> line.matches("\\d+"))
        .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(command -> command.endsWith("postgres")).orElse(false));
  }

  private static void createApplicationDatabase(EmbeddedPostgres postgres) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE_NAME);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE_NAME);
      }
    }
  }

  /** Returns the JDBC URL of the application database. */
  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", DATABASE_NAME);
  }

  /** Returns where the cluster's files are. */
  Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * Stops PostgreSQL and releases the folder lock. Returns only once the postmaster process has
   * exited: pg_ctl reports "stopped" when the pid file is gone, a moment before the processes are.
   */
  @Override
  public void close() {
    try {
      Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
      postgres.close();
      if (postmaster.isPresent()) {
        postmaster.get().onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.warn(
          "embedded PostgreSQL still running {} s after stop was asked",
          ORPHAN_STOP_WAIT.toSeconds());
    } catch (IOException e) {
      log.warn("embedded PostgreSQL did not stop cleanly: {}", rootMessage(e));
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        log.debug("releasing the data directory lock failed", e);
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing to do: the lock goes with the process anyway.
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
