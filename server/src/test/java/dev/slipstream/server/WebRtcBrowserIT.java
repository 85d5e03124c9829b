package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.server.config.Role;
import dev.slipstream.server.config.SlipstreamConfig;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broadcaster in Chromium publishes over WHIP and a viewer in another Chromium page plays over
 * WHEP through the real server: video frames advance and the sender's clock, burned into every
 * frame, reads back on the viewer's side.
 */
class WebRtcBrowserIT {
  @TempDir Path data;

  @Test
  void chromiumPublishesOverWhipAndAnotherChromiumPlaysItOverWhep() throws Exception {
    BrowserScript.requireChromium();
    int port = ServerProcess.freePort();
    SlipstreamConfig config =
        SlipstreamConfig.load(
            List.of("--http-port=" + port, "--data-dir=" + data, "--media-udp-port=0"),
            Map.of(),
            data,
            data);
    try (SlipstreamNode node =
        SlipstreamNode.start(config, EnumSet.allOf(Role.class), false, Clock.systemUTC())) {
      String base = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newHttpClient();
      JsonNode stream =
          new ObjectMapper()
              .readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/streams"))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"WebRTC\"}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      String id = stream.get("id").asText();

      BrowserScript.Result result =
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
                  "SCREENSHOT_DIR",
                  Path.of("target/screenshots").toAbsolutePath().toString()),
              Duration.ofSeconds(120));

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .contains("ok publisher connected over WHIP")
          .contains("ok viewer connected over WHEP")
          .contains("ok frames advance")
          .contains("ok clock reads back");
      String after =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/streams/" + id)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(after).as("WHIP DELETE leaves the stream idle").contains("\"state\":\"idle\"");
    }
  }
}
