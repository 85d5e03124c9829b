package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.media.ingest.SyntheticBroadcast;
import dev.slipstream.server.config.Role;
import dev.slipstream.server.config.SlipstreamConfig;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broadcaster in Chromium publishes over WHIP and a viewer in another Chromium page plays over
 * WHEP through the real server: video frames advance, the sender's clock burned into every frame
 * reads back, and media time maps every frame.
 */
class WebRtcBrowserIT {
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path data;

  @Test
  void chromiumPublishesAndAnotherChromiumPlaysWhileGarbageHitsTheMediaPort() throws Exception {
    BrowserScript.requireChromium();
    int port = ServerProcess.freePort();
    int mediaPort = freeUdpPort();
    try (SlipstreamNode node = start(port, mediaPort, 10)) {
      String base = "http://127.0.0.1:" + port;
      JsonNode stream = createStream(base);
      String id = stream.get("id").asText();

      BrowserScript.Result result;
      try (GarbageSender garbage =
          GarbageSender.start(new InetSocketAddress("127.0.0.1", mediaPort))) {
        result =
            BrowserScript.run(
                "webrtc.e2e.mjs",
                Map.of(
                    "BASE_URL",
                    base,
                    "STREAM_ID",
                    id,
                    "PUBLISH_KEY",
                    stream.get("publishKey").asText(),
                    "DURATION_S",
                    "6",
                    "ICE_RESTART",
                    "1",
                    "SCREENSHOT_DIR",
                    Path.of("target/screenshots").toAbsolutePath().toString()),
                Duration.ofSeconds(120));
        assertThat(garbage.sent()).isGreaterThan(100);
      }

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .contains("ok publisher connected over WHIP")
          .contains("ok viewer connected over WHEP")
          .contains("ok frames advance")
          .contains("ok clock reads back")
          .contains("ok media time maps frames")
          .contains("ok ICE restart");
      assertThat(get(base + "/api/streams/" + id))
          .as("WHIP DELETE leaves the stream idle")
          .contains("\"state\":\"idle\"");
      assertThat(get(base + "/metrics"))
          .as("the garbage was dropped and counted")
          .containsPattern(
              "slipstream_media_mux_dropped_total\\{reason=\"[a-z_]+\",transport=\"udp\"} [1-9]");
    }
  }

  @Test
  void aPublisherThatVanishesLeavesTheStreamIdleAfterTheGraceAndViewersSeeTheEnd()
      throws Exception {
    BrowserScript.requireChromium();
    int port = ServerProcess.freePort();
    try (SlipstreamNode node = start(port, freeUdpPort(), 1)) {
      String base = "http://127.0.0.1:" + port;
      JsonNode stream = createStream(base);

      BrowserScript.Result result =
          BrowserScript.run(
              "webrtc.e2e.mjs",
              Map.of(
                  "BASE_URL",
                  base,
                  "STREAM_ID",
                  stream.get("id").asText(),
                  "PUBLISH_KEY",
                  stream.get("publishKey").asText(),
                  "DURATION_S",
                  "3",
                  "END",
                  "vanish",
                  "GRACE_S",
                  "1"),
              Duration.ofSeconds(120));

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .contains("ok viewer sees the end")
          .contains("ok stream went idle after the publisher vanished");
    }
  }

  @Test
  void browsersThatCannotUseUdpPublishAndPlayOverIceTcp() throws Exception {
    BrowserScript.requireChromium();
    int port = ServerProcess.freePort();
    try (SlipstreamNode node = start(port, freeUdpPort(), 10)) {
      String base = "http://127.0.0.1:" + port;
      JsonNode stream = createStream(base);

      BrowserScript.Result result =
          BrowserScript.run(
              "webrtc.e2e.mjs",
              Map.of(
                  "BASE_URL",
                  base,
                  "STREAM_ID",
                  stream.get("id").asText(),
                  "PUBLISH_KEY",
                  stream.get("publishKey").asText(),
                  "DURATION_S",
                  "4",
                  "ICE_TRANSPORT",
                  "tcp"),
              Duration.ofSeconds(120));

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output()).contains("ok clock reads back");
      assertThat(get(base + "/metrics"))
          .as("media went over TCP")
          .containsPattern(
              "slipstream_media_mux_packets_total\\{direction=\"in\",transport=\"tcp\"} [1-9]");
    }
  }

  @Test
  void ffmpegPublishingOverRtmpOrItsWhipMuxerIsPlayedByChromium() throws Exception {
    BrowserScript.requireChromium();
    int port = ServerProcess.freePort();
    int rtmpPort = ServerProcess.freePort();
    try (SlipstreamNode node = start(port, freeUdpPort(), 10, rtmpPort)) {
      String base = "http://127.0.0.1:" + port;
      for (SyntheticBroadcast.Protocol protocol :
          List.of(SyntheticBroadcast.Protocol.RTMP, SyntheticBroadcast.Protocol.WHIP)) {
        JsonNode stream = createStream(base);
        String id = stream.get("id").asText();
        String key = stream.get("publishKey").asText();
        String url =
            protocol == SyntheticBroadcast.Protocol.RTMP
                ? "rtmp://127.0.0.1:" + rtmpPort + "/live/" + key
                : base + "/api/streams/" + id + "/whip";
        try (SyntheticBroadcast ffmpeg =
            SyntheticBroadcast.start(
                url, protocol, key, Clock.systemUTC(), new SplittableRandom(2))) {
          long deadline = System.nanoTime() + 20_000_000_000L;
          while (!get(base + "/api/streams/" + id).contains("\"state\":\"live\"")) {
            assertThat(ffmpeg.failure()).as(protocol + " push").isNull();
            assertThat(System.nanoTime()).as(protocol + " live within 20 s").isLessThan(deadline);
            Thread.sleep(100);
          }
          BrowserScript.Result result =
              BrowserScript.run(
                  "webrtc.e2e.mjs",
                  Map.of(
                      "BASE_URL",
                      base,
                      "STREAM_ID",
                      id,
                      "PUBLISHER",
                      "external",
                      "LABEL",
                      protocol + "->whep",
                      "DURATION_S",
                      "4"),
                  Duration.ofSeconds(120));

          assertThat(result.exitCode()).as(protocol + ": " + result.output()).isZero();
          assertThat(result.output())
              .contains("ok frames advance")
              .contains("ok clock reads back")
              .contains("ok the viewer receives sender reports for video")
              .contains("ok media time maps frames");
        }
      }
    }
  }

  private SlipstreamNode start(int port, int mediaPort, int graceSeconds) {
    return start(port, mediaPort, graceSeconds, 0);
  }

  private SlipstreamNode start(int port, int mediaPort, int graceSeconds, int rtmpPort) {
    SlipstreamConfig config =
        SlipstreamConfig.load(
            List.of(
                "--http-port=" + port,
                "--data-dir=" + data,
                "--media-udp-port=" + mediaPort,
                "--media-tcp-port=0",
                "--media-rtmp-port=" + rtmpPort,
                "--media-srt-port=0",
                "--media-reconnect-grace-seconds=" + graceSeconds,
                ApiAccounts.ADMIN_FLAG),
            Map.of(),
            data,
            data);
    return SlipstreamNode.start(config, EnumSet.allOf(Role.class), false, Clock.systemUTC());
  }

  /** Creates a stream as a signed-in broadcaster, as the Go Live page will. */
  private JsonNode createStream(String base) throws IOException, InterruptedException {
    ApiAccounts accounts = new ApiAccounts(base);
    return accounts.createStream("WebRTC", accounts.broadcaster("caster@example.com"));
  }

  private String get(String url) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (url.endsWith("/metrics")) {
      request.header(
          "Authorization", "Bearer " + new ApiAccounts(url.replace("/metrics", "")).admin());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
