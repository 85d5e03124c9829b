package dev.slipstream.server.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The media plane's part of the configuration.
 *
 * @param udpPort the UDP port for all WebRTC media, 0 for any free one
 * @param tcpPort the ICE-TCP port, 0 for any free one
 * @param rtmpPort the RTMP ingest port, 0 for none
 * @param srtPort the SRT ingest port, 0 for none
 * @param announcedAddresses addresses to put in ICE candidates; empty means this machine's own
 * @param reconnectGrace how long a live stream waits for a vanished publisher
 */
public record MediaConfig(
    int udpPort,
    int tcpPort,
    int rtmpPort,
    int srtPort,
    List<InetAddress> announcedAddresses,
    Duration reconnectGrace) {
  /** Copies the address list. */
  public MediaConfig {
    announcedAddresses = List.copyOf(announcedAddresses);
  }
}
