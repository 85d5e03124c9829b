package dev.slipstream.media;

import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.sfu.MediaSettings;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real media plane for tests: the stream directory on the shared embedded PostgreSQL (emptied
 * first) and a media server on an ephemeral loopback UDP port, without reconnect grace.
 */
public final class TestMediaPlane implements AutoCloseable {
  private final StreamDirectory directory;
  private final MediaServer media;

  private TestMediaPlane(StreamDirectory directory, MediaServer media) {
    this.directory = directory;
    this.media = media;
  }

  /** Starts a media plane over an emptied stream table. */
  public static TestMediaPlane start() throws SQLException {
    Database db = TestDatabase.embedded();
    db.migrate(List.of(StreamDirectory.MIGRATION));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE media.streams");
    }
    StreamDirectory directory =
        StreamDirectory.postgres(db.dataSource(), Clock.systemUTC(), new SecureRandom());
    MediaServer media =
        MediaServer.start(
            new MediaSettings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                null,
                List.of(InetAddress.getLoopbackAddress()),
                Duration.ZERO),
            directory,
            Clock.systemUTC(),
            new SecureRandom(),
            new SimpleMeterRegistry());
    return new TestMediaPlane(directory, media);
  }

  public StreamDirectory directory() {
    return directory;
  }

  public MediaServer media() {
    return media;
  }

  /** Waits (polling every 20 ms) until {@code condition} holds, or fails after {@code seconds}. */
  public static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + seconds + " s");
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    media.close();
  }
}
