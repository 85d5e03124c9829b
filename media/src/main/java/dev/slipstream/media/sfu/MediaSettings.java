package dev.slipstream.media.sfu;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the media plane listens and behaves.
 *
 * @param udpBind the address and port of the one UDP socket for all peers (port 0: any free)
 * @param tcpBind the address and port of the ICE-TCP listener (port 0: any free), or null for none
 * @param announcedAddresses addresses for ICE candidates; empty means this machine's own
 * @param reconnectGrace how long a live stream waits for a publisher that vanished
 */
public record MediaSettings(
    InetSocketAddress udpBind,
    @Nullable InetSocketAddress tcpBind,
    List<InetAddress> announcedAddresses,
    Duration reconnectGrace) {
  /** Validates the values. */
  public MediaSettings {
    Objects.requireNonNull(udpBind, "udpBind");
    announcedAddresses = List.copyOf(announcedAddresses);
    if (reconnectGrace.isNegative() || reconnectGrace.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "reconnect grace must be 0 to 300 s (was " + reconnectGrace + ")");
    }
  }
}
