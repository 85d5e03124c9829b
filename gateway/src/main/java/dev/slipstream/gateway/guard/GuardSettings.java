package dev.slipstream.gateway.guard;

import dev.slipstream.platform.bus.RedisSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the gateway protects itself from abusive clients.
 *
 * @param perAddress the REST requests one client address may make, or null for no limit
 * @param perAccount the REST requests one signed-in account may make (from any address), or null
 *     for no limit
 * @param redis where the rate-limit buckets live: a Redis shared by every node, or null for this
 *     process only
 * @param maxConnectionsPerAddress the most TCP connections one address may hold open at once (0 for
 *     no cap); the next one is answered 429 and closed
 * @param maxLiveSocketsPerAddress the most live sockets ({@code /api/live}) one address may hold
 *     open at once (0 for no cap); the next upgrade is answered 429
 * @param idleTimeout how long a connection may send and receive nothing before it is closed; this
 *     cuts off clients that open a request and then stall (slowloris)
 * @param minRequestBytesPerSecond the slowest a request body may arrive before the request fails (0
 *     for no minimum)
 * @param maxRequestHeaderBytes the largest request line plus headers accepted; larger ones get 431
 */
public record GuardSettings(
    @Nullable RateLimit perAddress,
    @Nullable RateLimit perAccount,
    @Nullable RedisSettings redis,
    int maxConnectionsPerAddress,
    int maxLiveSocketsPerAddress,
    Duration idleTimeout,
    long minRequestBytesPerSecond,
    int maxRequestHeaderBytes) {

  /** Validates the values, naming the one that is out of range. */
  public GuardSettings {
    if (maxConnectionsPerAddress < 0) {
      throw new IllegalArgumentException(
          "max connections per address must be 0 or more (was " + maxConnectionsPerAddress + ")");
    }
    if (maxLiveSocketsPerAddress < 0) {
      throw new IllegalArgumentException(
          "max live sockets per address must be 0 or more (was " + maxLiveSocketsPerAddress + ")");
    }
    if (idleTimeout == null || idleTimeout.toMillis() < 100) {
      throw new IllegalArgumentException(
          "idle timeout must be at least 100 ms (was " + idleTimeout + ")");
    }
    if (minRequestBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "min request bytes per second must be 0 or more (was " + minRequestBytesPerSecond + ")");
    }
    if (maxRequestHeaderBytes < 1_024) {
      throw new IllegalArgumentException(
          "max request header bytes must be at least 1024 (was " + maxRequestHeaderBytes + ")");
    }
  }

  /** No rate limits and no caps, with Jetty's own timeouts: for tests that are not about abuse. */
  public static GuardSettings none() {
    return new GuardSettings(null, null, null, 0, 0, Duration.ofSeconds(30), 0, 8_192);
  }

  /** Returns these settings with other rate limits. */
  public GuardSettings withRateLimits(
      @Nullable RateLimit perAddress,
      @Nullable RateLimit perAccount,
      @Nullable RedisSettings redis) {
    return new GuardSettings(
        perAddress,
        perAccount,
        redis,
        maxConnectionsPerAddress,
        maxLiveSocketsPerAddress,
        idleTimeout,
        minRequestBytesPerSecond,
        maxRequestHeaderBytes);
  }

  /** Returns these settings with other connection caps and idle timeout. */
  public GuardSettings withConnectionCaps(int connections, int liveSockets, Duration idle) {
    return new GuardSettings(
        perAddress,
        perAccount,
        redis,
        connections,
        liveSockets,
        idle,
        minRequestBytesPerSecond,
        maxRequestHeaderBytes);
  }
}
