package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo stream's calibration as an operator sees it: served by the API, edited with a new zone,
 * the stream's live vision pipeline restarted with it, and the edit still there after a restart.
 */
class DemoCalibrationIT {
  private static final Duration START = Duration.ofSeconds(90);
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path data;

  @Test
  void anOperatorsNewZoneRestartsTheLiveVisionAndSurvivesARestart() throws Exception {
    int port = ServerProcess.freePort();
    String streamId;
    try (ServerProcess demo = startDemo(port)) {
      demo.awaitOutput("vision pipeline running (mog2", START);
      streamId = demoStreamId(port);
      HttpResponse<String> read = get(port, "/api/streams/" + streamId + "/calibration");
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      assertThat(read.headers().firstValue("ETag")).hasValue("\"r1\"");
      ObjectNode view = (ObjectNode) json.readTree(read.body());
      assertThat(view.get("updatedBy").asText()).isEqualTo("demo");
      assertThat(view.get("points").size()).isGreaterThanOrEqualTo(4);
      assertThat(view.get("zones")).hasSize(1);

      ObjectNode start = ((ArrayNode) view.get("zones")).addObject().put("id", "start-area");
      ArrayNode vertices = start.putArray("vertices");
      for (double[] xy : new double[][] {{0, 0}, {10, 0}, {10, 5}, {0, 5}}) {
        vertices.addObject().put("x", xy[0]).put("y", xy[1]);
      }
      String operator = new ApiAccounts("http://127.0.0.1:" + port).admin();
      long runningBefore = count(demo, "vision pipeline running");
      HttpResponse<String> edited =
          http.send(
              HttpRequest.newBuilder(uri(port, "/api/streams/" + streamId + "/calibration"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + operator)
                  .header("If-Match", "\"r1\"")
                  .PUT(HttpRequest.BodyPublishers.ofString(view.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
      assertThat(edited.headers().firstValue("ETag")).hasValue("\"r2\"");

      demo.awaitOutput("stream " + streamId + ": its calibration or zones changed", START);
      await().atMost(START).until(() -> count(demo, "vision pipeline running") > runningBefore);
      demo.signal("INT");
      assertThat(demo.awaitExit(Duration.ofSeconds(60))).isZero();
    }
    try (ServerProcess again = startDemo(port)) {
      again.awaitOutput("vision pipeline running", START);
      JsonNode kept = json.readTree(get(port, "/api/streams/" + streamId + "/calibration").body());
      assertThat(kept.get("revision").asLong()).isEqualTo(2);
      assertThat(kept.get("zones").findValuesAsText("id")).contains("start-area");
      again.signal("INT");
      assertThat(again.awaitExit(Duration.ofSeconds(60))).isZero();
    }
  }

  private static long count(ServerProcess process, String text) {
    return process.stdout().stream().filter(line -> line.contains(text)).count();
  }

  private String demoStreamId(int port) throws IOException, InterruptedException {
    for (JsonNode stream : json.readTree(get(port, "/api/streams").body()).get("items")) {
      if (stream.get("title").asText().startsWith("Slipstream demo")) {
        return stream.get("id").asText();
      }
    }
    throw new AssertionError("no demo stream listed");
  }

  private ServerProcess startDemo(int port) throws IOException {
    return ServerProcess.start(
        List.of(
            "demo",
            "--http-port=" + port,
            "--data-dir=" + data,
            "--media-udp-port=0",
            "--media-tcp-port=0",
            "--media-rtmp-port=0",
            "--media-srt-port=0",
            ApiAccounts.ADMIN_FLAG),
        Map.of());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
