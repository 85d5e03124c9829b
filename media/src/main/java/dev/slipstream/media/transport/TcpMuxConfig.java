package dev.slipstream.media.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;

/**
 * How a {@link TcpMux} runs.
 *
 * @param bind the address and port to listen on; port 0 lets the system choose
 * @param consentTimeout how long a session keeps its connections without a valid check, 1 second to
 *     1 hour
 * @param bindTimeout how long a new connection may stay open without a valid check, 1 second to 5
 *     minutes
 * @param housekeepingInterval how often both timeouts are checked, 1 millisecond to 10 seconds
 * @param maxConnections the most connections open at once, 1 to 100000; more are closed at once
 * @param sendQueueFrames how many frames may wait for one slow connection, 16 to 65536; beyond that
 *     sends are dropped
 * @param clock the time for both timeouts
 */
public record TcpMuxConfig(
    InetSocketAddress bind,
    Duration consentTimeout,
    Duration bindTimeout,
    Duration housekeepingInterval,
    int maxConnections,
    int sendQueueFrames,
    InstantSource clock) {

  /** Checks every value, naming the setting, its value and what is allowed. */
  public TcpMuxConfig {
    MuxConfigChecks.requireBindable("bind", bind);
    MuxConfigChecks.requireBetween(
        "consentTimeout", consentTimeout, Duration.ofSeconds(1), Duration.ofHours(1));
    MuxConfigChecks.requireBetween(
        "bindTimeout", bindTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
    MuxConfigChecks.requireBetween(
        "housekeepingInterval", housekeepingInterval, Duration.ofMillis(1), Duration.ofSeconds(10));
    if (maxConnections < 1 || maxConnections > 100_000) {
      throw new IllegalArgumentException(
          "maxConnections must be between 1 and 100000 (was " + maxConnections + ")");
    }
    if (sendQueueFrames < 16 || sendQueueFrames > 65_536) {
      throw new IllegalArgumentException(
          "sendQueueFrames must be between 16 and 65536 (was " + sendQueueFrames + ")");
    }
  }

  /**
   * Returns the defaults on {@code bind}: 30-second consent, 10 seconds to the first valid check,
   * checked every 500 ms, 10,000 connections, 1,024 queued frames each, the system clock.
   */
  public static TcpMuxConfig defaults(InetSocketAddress bind) {
    return new TcpMuxConfig(
        bind,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofMillis(500),
        10_000,
        1_024,
        InstantSource.system());
  }

  /** Returns a copy with {@code consentTimeout}. */
  public TcpMuxConfig withConsentTimeout(Duration consentTimeout) {
    return new TcpMuxConfig(
        bind,
        consentTimeout,
        bindTimeout,
        housekeepingInterval,
        maxConnections,
        sendQueueFrames,
        clock);
  }

  /** Returns a copy with {@code housekeepingInterval}. */
  public TcpMuxConfig withHousekeepingInterval(Duration housekeepingInterval) {
    return new TcpMuxConfig(
        bind,
        consentTimeout,
        bindTimeout,
        housekeepingInterval,
        maxConnections,
        sendQueueFrames,
        clock);
  }

  /** Returns a copy with {@code maxConnections}. */
  public TcpMuxConfig withMaxConnections(int maxConnections) {
    return new TcpMuxConfig(
        bind,
        consentTimeout,
        bindTimeout,
        housekeepingInterval,
        maxConnections,
        sendQueueFrames,
        clock);
  }

  /** Returns a copy timed by {@code clock}. */
  public TcpMuxConfig withClock(InstantSource clock) {
    return new TcpMuxConfig(
        bind,
        consentTimeout,
        bindTimeout,
        housekeepingInterval,
        maxConnections,
        sendQueueFrames,
        clock);
  }
}
