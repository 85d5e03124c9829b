package dev.slipstream.media.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RTMP: FFmpeg listens itself. Its listener accepts any stream name and only warns that it differs
 * from the one in its URL, so the URL names a placeholder no publish key equals ({@code -}; keys
 * start with {@code sk_}) and the key is read from that warning.
 */
final class RtmpFront implements ListenerFront {
  private static final Pattern UNEXPECTED_STREAM =
      Pattern.compile("Unexpected stream (\\S+), expecting");

  private final String host;
  private final int port;

  RtmpFront(String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for RTMP on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    this.host = host;
    this.port = port;
  }

  @Override
  public String label() {
    return "rtmp";
  }

  @Override
  public String publishUrl() {
    return "rtmp://" + host + ":" + port + "/live/<publish key>";
  }

  @Override
  public String ffmpegUrl() {
    return "rtmp://" + host + ":" + port + "/live/-";
  }

  @Override
  public Map<String, String> options() {
    return Map.of(
        "listen", "1",
        "timeout", "-1",
        "analyzeduration", "100000",
        "probesize", "32768",
        "rw_timeout", "10000000");
  }

  @Override
  public Optional<String> key(List<String> ffmpegLines) {
    for (String line : ffmpegLines) {
      Matcher m = UNEXPECTED_STREAM.matcher(line);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  @Override
  public void sessionEnded() {}

  @Override
  public void close() {}
}
