package dev.slipstream.bench.rest;

import dev.slipstream.gateway.Gateway;
import dev.slipstream.gateway.GatewayServices;
import dev.slipstream.gateway.GatewaySettings;
import dev.slipstream.gateway.SystemInfo;
import dev.slipstream.gateway.guard.GuardSettings;
import dev.slipstream.gateway.guard.RateLimit;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import dev.slipstream.platform.bus.RedisSettings;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./slipstream bench rest}: drives {@code wrk} against {@code GET /api/streams} of an
 * embedded gateway (embedded PostgreSQL, 20 streams). Phase one measures throughput and latency
 * with the rate-limit check in the path but a limit no client reaches; phase two floods from one
 * address against the default per-address limit while a second client from another address asks
 * politely, and shows the flood limited and the polite client served.
 */
public final class RestBenchmark {
  private RestBenchmark() {}

  /** Runs both phases and prints their summaries; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (arg.equals("--help")) {
        out.println(
            "Usage: ./slipstream bench rest [--duration-s=10] [--connections=32] [--threads=2]"
                + " [--limit=100] [--burst=200] [--polite-rate=20] [--redis=redis://127.0.0.1:6379]");
        return 0;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        err.println("slipstream bench rest: unknown argument " + arg + " (see --help)");
        return 2;
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    int seconds = Integer.parseInt(options.getOrDefault("duration-s", "10"));
    int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    int limit = Integer.parseInt(options.getOrDefault("limit", "100"));
    int burst = Integer.parseInt(options.getOrDefault("burst", "200"));
    int politeRate = Integer.parseInt(options.getOrDefault("polite-rate", "20"));
    String redisUri = options.get("redis");
    RedisSettings redis =
        redisUri == null
            ? null
            : RedisSettings.of(
                redisUri, "slipstream-bench-" + UUID.randomUUID().toString().substring(0, 8) + ":");

    Clock clock = Clock.systemUTC();
    Path folder = Files.createTempDirectory("slipstream-bench-rest");
    try (Database db = Database.open(new DatabaseLocation.Embedded(folder), 8, null)) {
      db.migrate(List.of(StreamDirectory.MIGRATION));
      SecureRandom random = new SecureRandom();
      StreamDirectory streams = StreamDirectory.postgres(db.dataSource(), clock, random);
      for (int i = 0; i < 20; i++) {
        streams.create("bench stream " + i);
      }
      GatewayServices services =
          new GatewayServices(
              streams,
              null,
              Map.of("database", db::health, "bus", () -> Health.up("in-process")),
              new SystemInfo("bench", clock.instant(), List.of("gateway"), db.description(), ""),
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
              clock);
      GatewaySettings base = new GatewaySettings("127.0.0.1", 0, 1 << 20);
      String store = redis == null ? "in-process" : "redis";

      GuardSettings unreachable =
          GuardSettings.none().withRateLimits(new RateLimit(1_000_000, 1_000_000), null, redis);
      try (Gateway gateway = Gateway.start(base.withGuard(unreachable), services)) {
        URI url = gateway.baseUri().resolve("/api/streams");
        WrkRun.run(url, threads, connections, 2); // warm-up, not reported
        WrkRun run = WrkRun.run(url, threads, connections, seconds);
        out.printf(
            Locale.ROOT,
            "rest: rps=%.0f p50=%.2f p99=%.2f ms limited_pct=%.1f (GET /api/streams, %d"
                + " connections, %d s, limiter %s)%n",
            run.requestsPerSecond(),
            run.p50Millis(),
            run.p99Millis(),
            run.limitedPercent(),
            connections,
            seconds,
            store);
      }

      GuardSettings limited =
          GuardSettings.none().withRateLimits(new RateLimit(limit, burst), null, redis);
      try (Gateway gateway = Gateway.start(base.withGuard(limited), services)) {
        URI url = gateway.baseUri().resolve("/api/streams");
        PoliteClient polite = new PoliteClient(InetAddress.getByName("127.0.0.2"), url, politeRate);
        Thread politeThread = Thread.ofPlatform().name("polite-client").start(polite);
        WrkRun flood = WrkRun.run(url, threads, connections, seconds);
        polite.stop();
        politeThread.join();
        out.printf(
            Locale.ROOT,
            "rest flood: rps=%.0f p50=%.2f p99=%.2f ms limited_pct=%.1f (one address, limit %d/s"
                + " burst %d, limiter %s)%n",
            flood.requestsPerSecond(),
            flood.p50Millis(),
            flood.p99Millis(),
            flood.limitedPercent(),
            limit,
            burst,
            store);
        out.printf(
            Locale.ROOT,
            "rest second client: ok=%d limited=%d failed=%d p50=%.2f p99=%.2f ms (another"
                + " address, %d req/s during the flood)%n",
            polite.ok,
            polite.limited,
            polite.failed,
            polite.latency.getValueAtPercentile(50) / 1_000.0,
            polite.latency.getValueAtPercentile(99) / 1_000.0,
            politeRate);
        return polite.ok > 0 && polite.limited == 0 && flood.non2xx() > 0 ? 0 : 1;
      }
    } finally {
      deleteRecursively(folder);
    }
  }

  private static void deleteRecursively(Path folder) throws java.io.IOException {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
