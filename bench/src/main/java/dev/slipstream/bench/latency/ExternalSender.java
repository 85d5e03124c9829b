package dev.slipstream.bench.latency;

import dev.slipstream.media.ingest.SyntheticBroadcast;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The FFmpeg sender of a latency run that is not a browser: the synthetic source pushed over RTMP,
 * SRT or WHIP, started before the viewer and waited for until the server says the stream is live.
 */
final class ExternalSender implements AutoCloseable {
  private final @Nullable SyntheticBroadcast broadcast;

  private ExternalSender(@Nullable SyntheticBroadcast broadcast) {
    this.broadcast = broadcast;
  }

  static ExternalSender start(
      LatencySource source, int httpPort, int ingestPort, String streamId, String key)
      throws Exception {
    String url =
        switch (source) {
          case BROWSER -> null;
          case RTMP -> "rtmp://127.0.0.1:" + ingestPort + "/live/" + key;
          case SRT -> "srt://127.0.0.1:" + ingestPort + "?streamid=" + key + "&latency=20000";
          case WHIP -> "http://127.0.0.1:" + httpPort + "/api/streams/" + streamId + "/whip";
        };
    if (url == null) {
      return new ExternalSender(null);
    }
    SyntheticBroadcast.Protocol protocol =
        switch (source) {
          case SRT -> SyntheticBroadcast.Protocol.SRT;
          case WHIP -> SyntheticBroadcast.Protocol.WHIP;
          default -> SyntheticBroadcast.Protocol.RTMP;
        };
    SyntheticBroadcast broadcast =
        SyntheticBroadcast.start(url, protocol, key, Clock.systemUTC(), new SplittableRandom(11));
    awaitLive(broadcast, httpPort, streamId);
    return new ExternalSender(broadcast);
  }

  private static void awaitLive(SyntheticBroadcast broadcast, int httpPort, String streamId)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI stream = URI.create("http://127.0.0.1:" + httpPort + "/api/streams/" + streamId);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!broadcast.isRunning()) {
        throw new IllegalStateException("FFmpeg stopped sending: " + broadcast.failure());
      }
      String body =
          http.send(HttpRequest.newBuilder(stream).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      if (body.contains("\"state\":\"live\"")) {
        return;
      }
      Thread.sleep(100);
    }
    broadcast.close();
    throw new IllegalStateException("the stream was not live 20 s after FFmpeg started sending");
  }

  @Override
  public void close() {
    if (broadcast != null) {
      broadcast.close();
    }
  }
}
