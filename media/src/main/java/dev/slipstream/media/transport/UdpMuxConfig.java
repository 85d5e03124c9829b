package dev.slipstream.media.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;

/**
 * How a {@link UdpMux} runs.
 *
 * @param bind the address and port to bind; port 0 lets the system choose. Bind {@code [::]} to
 *     take IPv4 and IPv6 on one socket, {@code 0.0.0.0} for IPv4 only
 * @param consentTimeout how long a session keeps its addresses without a valid check, 1 second to 1
 *     hour; RFC 7675 uses 30 seconds
 * @param housekeepingInterval how often consent is checked, 1 millisecond to 10 seconds
 * @param socketBufferBytes SO_RCVBUF and SO_SNDBUF to ask for, 0 (the system default) or 64 KiB to
 *     64 MiB; Linux caps it at {@code net.core.rmem_max}/{@code wmem_max}
 * @param clock the time for consent
 */
public record UdpMuxConfig(
    InetSocketAddress bind,
    Duration consentTimeout,
    Duration housekeepingInterval,
    int socketBufferBytes,
    InstantSource clock) {

  /** Checks every value, naming the setting, its value and what is allowed. */
  public UdpMuxConfig {
    MuxConfigChecks.requireBindable("bind", bind);
    MuxConfigChecks.requireBetween(
        "consentTimeout", consentTimeout, Duration.ofSeconds(1), Duration.ofHours(1));
    MuxConfigChecks.requireBetween(
        "housekeepingInterval", housekeepingInterval, Duration.ofMillis(1), Duration.ofSeconds(10));
    if (socketBufferBytes != 0 && (socketBufferBytes < 65_536 || socketBufferBytes > 64 << 20)) {
      throw new IllegalArgumentException(
          "socketBufferBytes must be 0 or between 65536 and 67108864 (was "
              + socketBufferBytes
              + ")");
    }
  }

  /**
   * Returns the defaults on {@code bind}: 30-second consent checked every 500 ms, 4 MiB socket
   * buffers, the system clock.
   */
  public static UdpMuxConfig defaults(InetSocketAddress bind) {
    return new UdpMuxConfig(
        bind, Duration.ofSeconds(30), Duration.ofMillis(500), 4 << 20, InstantSource.system());
  }

  /** Returns a copy with {@code consentTimeout}. */
  public UdpMuxConfig withConsentTimeout(Duration consentTimeout) {
    return new UdpMuxConfig(bind, consentTimeout, housekeepingInterval, socketBufferBytes, clock);
  }

  /** Returns a copy with {@code housekeepingInterval}. */
  public UdpMuxConfig withHousekeepingInterval(Duration housekeepingInterval) {
    return new UdpMuxConfig(bind, consentTimeout, housekeepingInterval, socketBufferBytes, clock);
  }

  /** Returns a copy with {@code socketBufferBytes}. */
  public UdpMuxConfig withSocketBufferBytes(int socketBufferBytes) {
    return new UdpMuxConfig(bind, consentTimeout, housekeepingInterval, socketBufferBytes, clock);
  }

  /** Returns a copy timed by {@code clock}. */
  public UdpMuxConfig withClock(InstantSource clock) {
    return new UdpMuxConfig(bind, consentTimeout, housekeepingInterval, socketBufferBytes, clock);
  }
}
