package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end: the synthetic stream's analytics open markets, decide them and settle them,
 * and each settled market is served over REST with its evidence — the measured series, the deciding
 * media time, and four JPEG thumbnails of the stream around that moment that decode as 320-pixel
 * pictures.
 */
class DemoEvidenceIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path data;

  @Test
  void aDemoMarketSettlesWithItsSeriesAndFourThumbnails() throws Exception {
    int port = ServerProcess.freePort();
    try (ServerProcess demo =
        ServerProcess.start(
            List.of(
                "demo",
                "--http-port=" + port,
                "--data-dir=" + data,
                "--media-udp-port=0",
                "--media-tcp-port=0",
                "--media-rtmp-port=0",
                "--media-srt-port=0",
                "--vision-pose=off"),
            Map.of())) {
      demo.awaitOutput("(live from the synthetic source)", Duration.ofSeconds(90));
      String stream = null;
      for (JsonNode s : get(port, "/api/streams").get("items")) {
        if (s.get("title").asText().equals(MediaSources.DEMO_STREAM_TITLE)) {
          stream = s.get("id").asText();
        }
      }
      assertThat(stream).as("the demo stream").isNotNull();
      String markets = "/api/streams/" + stream + "/markets?state=all";

      AtomicReference<JsonNode> evidence = new AtomicReference<>();
      await()
          .atMost(Duration.ofSeconds(300))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                for (JsonNode market : get(port, markets).get("markets")) {
                  JsonNode settlement = market.get("settlement");
                  if (settlement.isNull() || settlement.get("evidenceUrl").isNull()) {
                    continue;
                  }
                  JsonNode found = get(port, settlement.get("evidenceUrl").asText());
                  if (found.get("frames").size() == 4) {
                    evidence.set(found);
                    return true;
                  }
                }
                return false;
              });

      JsonNode found = evidence.get();
      assertThat(found.get("series").size()).as(found.toString()).isGreaterThan(0);
      long decided = found.get("decidedAtMediaTimeUs").asLong();
      assertThat(decided).isPositive();
      JsonNode frames = found.get("frames");
      assertThat(frames.get(0).get("mediaTimeUs").asLong()).isLessThanOrEqualTo(decided);
      assertThat(frames.get(3).get("mediaTimeUs").asLong()).isGreaterThan(decided);
      for (JsonNode frame : frames) {
        HttpResponse<byte[]> jpeg =
            http.send(
                HttpRequest.newBuilder(uri(port, frame.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(jpeg.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(320);
      }
      JsonNode market = get(port, "/api/markets/" + found.get("marketId").asText());
      assertThat(market.get("state").asText()).isEqualTo("SETTLED");
      assertThat(market.get("settlement").get("winningSelectionId").asText())
          .isEqualTo(found.get("winningSelectionId").asText());
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private JsonNode get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
