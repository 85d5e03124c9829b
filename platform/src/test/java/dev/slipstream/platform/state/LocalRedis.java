package dev.slipstream.platform.state;

import dev.slipstream.platform.bus.RedisSettings;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's own Redis (127.0.0.1:6379) for integration tests. Each instance hands out key
 * prefixes unique to this run and deletes every key under them afterwards. When Redis is
 * unreachable, tests fail on CI ({@code CI=true}) and are skipped elsewhere with a visible notice.
 */
public final class LocalRedis {
  /** The host of the local Redis. */
  public static final String HOST = "127.0.0.1";

  /** The port of the local Redis. */
  public static final int PORT = 6379;

  private final String runPrefix;
  private final @Nullable String notice;
  private final AtomicInteger opened = new AtomicInteger();

  private LocalRedis(String runPrefix, @Nullable String notice) {
    this.runPrefix = runPrefix;
    this.notice = notice;
  }

  /**
   * Checks once per test class that the local Redis answers PING and returns a helper with a fresh
   * key prefix. When Redis is not there it fails on CI; elsewhere it prints a notice, and every
   * test that then asks for {@link #freshSettings()} is reported as skipped.
   *
   * @param suite a short name of the test class, part of the key prefix
   */
  public static LocalRedis requireRunning(String suite) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String prefix = "slipstream-it-" + suite + "-" + run + ":";
    String problem = pingProblem();
    if (problem == null) {
      return new LocalRedis(prefix, null);
    }
    String notice =
        "no Redis answering on " + HOST + ":" + PORT + " (" + problem + "): Redis tests not run";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(notice + " (CI=true requires them; start redis-server)");
    }
    System.err.println("NOTICE: " + notice);
    return new LocalRedis(prefix, notice);
  }

  /** Returns settings with a key prefix no other test or run uses; skips the test without Redis. */
  public RedisSettings freshSettings() {
    if (notice != null) {
      Assumptions.abort(notice);
    }
    return RedisSettings.of(
        "redis://" + HOST + ":" + PORT, runPrefix + opened.incrementAndGet() + ":");
  }

  /** Deletes every key this helper's prefixes created and returns how many there were. */
  public long deleteKeys() {
    if (notice != null) {
      return 0;
    }
    RedisClient client = RedisClient.create("redis://" + HOST + ":" + PORT);
    long deleted = 0;
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> redis = connection.sync();
      ScanArgs match = ScanArgs.Builder.matches(runPrefix + "*").limit(500);
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = redis.scan(cursor, match);
        if (!page.getKeys().isEmpty()) {
          deleted += redis.unlink(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
    return deleted;
  }

  private static @Nullable String pingProblem() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 500);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(7);
      String text = new String(answer, StandardCharsets.US_ASCII);
      return text.startsWith("+PONG") ? null : "answered " + text.strip();
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
