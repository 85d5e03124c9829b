package dev.slipstream.media.dtls;

import java.time.Duration;
import java.util.Objects;

/**
 * How DTLS handshakes behave; checked when made, with a message naming the setting.
 *
 * @param handshakeTimeout how long from {@link DtlsEndpoint#accept} or {@link DtlsEndpoint#connect}
 *     to a finished handshake, including the wait for the peer's first ClientHello (as server) or
 *     for ICE to reach the peer (as client); 100 ms to 10 min
 * @param initialRetransmit how long before a lost flight is first sent again (doubling after that,
 *     as RFC 6347 §4.2.4 says); 10 ms to 10 s
 * @param maxDatagramSize the largest datagram we send; handshake messages are fragmented to fit.
 *     1200 keeps clear of path-MTU trouble; 256 to 65507
 * @param inboundQueueCapacity how many received datagrams may wait for the session's thread before
 *     more are dropped (and counted); 1 to 4096
 */
public record DtlsSettings(
    Duration handshakeTimeout,
    Duration initialRetransmit,
    int maxDatagramSize,
    int inboundQueueCapacity) {

  /** Checks every value against its allowed range. */
  public DtlsSettings {
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(initialRetransmit, "initialRetransmit");
    requireBetween(
        "dtls.handshakeTimeout", handshakeTimeout, Duration.ofMillis(100), Duration.ofMinutes(10));
    requireBetween(
        "dtls.initialRetransmit", initialRetransmit, Duration.ofMillis(10), Duration.ofSeconds(10));
    if (maxDatagramSize < 256 || maxDatagramSize > 65_507) {
      throw new IllegalArgumentException(
          "dtls.maxDatagramSize=" + maxDatagramSize + ": must be between 256 and 65507 bytes");
    }
    if (inboundQueueCapacity < 1 || inboundQueueCapacity > 4096) {
      throw new IllegalArgumentException(
          "dtls.inboundQueueCapacity=" + inboundQueueCapacity + ": must be between 1 and 4096");
    }
  }

  /**
   * Returns the defaults: 20 s for the handshake (the browser starts it only after ICE connects),
   * 250 ms before the first retransmission, 1200-byte datagrams, 64 queued datagrams.
   */
  public static DtlsSettings defaults() {
    return new DtlsSettings(Duration.ofSeconds(20), Duration.ofMillis(250), 1200, 64);
  }

  private static void requireBetween(String name, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + "=" + value + ": must be between " + min + " and " + max);
    }
  }
}
