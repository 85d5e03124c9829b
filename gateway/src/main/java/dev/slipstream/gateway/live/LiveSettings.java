package dev.slipstream.gateway.live;

import java.time.Duration;

/**
 * How the live socket behaves.
 *
 * @param heartbeat how often the gateway pings each socket
 * @param idleTimeout how long a socket may make no progress (nothing read, nothing written) before
 *     it is closed; pings keep a healthy socket busy, so this closes dead and stalled ones
 * @param sendQueueFrames frames a socket may have in flight (handed to the server, not yet written
 *     to the network) before its market and analytics subscriptions switch to conflation
 * @param requestsPerSecond the sustained rate of requests one account (or one anonymous socket) may
 *     send
 * @param requestBurst requests that may arrive at once before the rate applies
 * @param maxSubscriptions subscriptions one socket may hold
 * @param maxFrameBytes the largest client frame accepted; a larger one closes the socket (1009)
 */
public record LiveSettings(
    Duration heartbeat,
    Duration idleTimeout,
    int sendQueueFrames,
    int requestsPerSecond,
    int requestBurst,
    int maxSubscriptions,
    int maxFrameBytes) {

  /** Validates the values, naming the one that is out of range. */
  public LiveSettings {
    require(!heartbeat.isNegative() && !heartbeat.isZero(), "heartbeat", heartbeat, "positive");
    require(
        idleTimeout.compareTo(heartbeat) > 0,
        "idle timeout",
        idleTimeout,
        "longer than the heartbeat " + heartbeat);
    require(sendQueueFrames >= 2, "send queue frames", sendQueueFrames, "at least 2");
    require(requestsPerSecond >= 1, "requests per second", requestsPerSecond, "at least 1");
    require(requestBurst >= 1, "request burst", requestBurst, "at least 1");
    require(maxSubscriptions >= 1, "max subscriptions", maxSubscriptions, "at least 1");
    require(maxFrameBytes >= 1_024, "max frame bytes", maxFrameBytes, "at least 1024");
  }

  /** Returns the defaults: ping every 15 s, close after 45 s without progress, 512 frames. */
  public static LiveSettings defaults() {
    return new LiveSettings(
        Duration.ofSeconds(15), Duration.ofSeconds(45), 512, 20, 40, 64, 64 * 1_024);
  }

  /** Returns these settings with another send queue bound. */
  public LiveSettings withSendQueueFrames(int frames) {
    return new LiveSettings(
        heartbeat,
        idleTimeout,
        frames,
        requestsPerSecond,
        requestBurst,
        maxSubscriptions,
        maxFrameBytes);
  }

  /** Returns these settings with another request rate. */
  public LiveSettings withRequestRate(int perSecond, int burst) {
    return new LiveSettings(
        heartbeat, idleTimeout, sendQueueFrames, perSecond, burst, maxSubscriptions, maxFrameBytes);
  }

  private static void require(boolean ok, String name, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(
          "live socket " + name + " must be " + allowed + " (was " + value + ")");
    }
  }
}
