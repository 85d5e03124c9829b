package dev.slipstream.media.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SRT: FFmpeg listens on a loopback port behind an {@link SrtRelay}, which owns the public port and
 * reads each caller's stream id from its handshake, since FFmpeg never reports it.
 */
final class SrtFront implements ListenerFront {
  private final String host;
  private final int port;
  private final SrtRelay relay;

  SrtFront(String host, int port) {
    this.host = host;
    this.port = port;
    try {
      this.relay = SrtRelay.open(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for SRT on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String label() {
    return "srt";
  }

  @Override
  public String publishUrl() {
    return "srt://" + host + ":" + port + "?streamid=<publish key>";
  }

  @Override
  public String ffmpegUrl() {
    return "srt://127.0.0.1:" + relay.innerPort() + "?mode=listener";
  }

  @Override
  public Map<String, String> options() {
    return Map.of("analyzeduration", "100000", "probesize", "65536", "rw_timeout", "10000000");
  }

  @Override
  public Optional<String> key(List<String> ffmpegLines) {
    return relay.streamId();
  }

  @Override
  public void sessionEnded() {
    relay.endSession();
  }

  @Override
  public void close() {
    relay.close();
  }
}
