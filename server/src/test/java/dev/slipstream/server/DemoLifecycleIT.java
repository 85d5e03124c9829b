package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The demo as a user runs it: a separate JVM, Ctrl-C, restarts, and a kill -9. */
class DemoLifecycleIT {
  private static final Duration START = Duration.ofSeconds(60);
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path data;
  private final int rtmpPort = freePortOrFail();

  private static int freePortOrFail() {
    try {
      return ServerProcess.freePort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void ctrlCStopsEverythingWithStatusZeroAndARestartFindsTheSameData() throws Exception {
    int port = ServerProcess.freePort();
    List<ProcessHandle> children;
    String caster;
    try (ServerProcess demo = startDemo(port)) {
      demo.awaitOutput("Slipstream is up: http://127.0.0.1:" + port, START);
      demo.awaitOutput("(live from the synthetic source)", START);
      assertThat(get(port, "/api/streams").body())
          .as("the demo stream is live")
          .containsPattern("\"title\":\"Slipstream demo: 100 m sprint\",\"state\":\"live\"");
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> page = get(port, "/watch");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<div id=\"root\"");
      caster = new ApiAccounts("http://127.0.0.1:" + port).broadcaster("caster@example.com");
      assertThat(
              post(port, "/api/streams", "{\"title\":\"Kept across restarts\"}", caster)
                  .statusCode())
          .isEqualTo(201);
      children = ServerProcess.postgresProcessesUnder(data);
      assertThat(children).as("the embedded PostgreSQL is running").isNotEmpty();

      demo.signal("INT");

      assertThat(demo.awaitExit(Duration.ofSeconds(30))).as(demo.output()).isZero();
      assertThat(demo.stdout()).contains("slipstream: stopped");
      // Nothing on stderr but the one line TensorFlow Lite's native code prints (to the process's
      // stderr, past any Java logging) when it creates its XNNPACK delegate for the pose model.
      assertThat(demo.stderr())
          .allMatch(line -> line.equals("INFO: Created TensorFlow Lite XNNPACK delegate for CPU."));
    }
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(ServerProcess.postgresProcessesUnder(data)).isEmpty();

    try (ServerProcess again = startDemo(port)) {
      again.awaitOutput("Slipstream is up", START);
      String streams = get(port, "/api/streams").body();
      assertThat(streams).contains("Kept across restarts").contains(MediaSources.DEMO_STREAM_TITLE);
      assertThat(streams.split(MediaSources.DEMO_STREAM_TITLE, -1)).as("seeded once").hasSize(2);
      HttpResponse<String> me =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                  .header("Authorization", "Bearer " + caster)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode())
          .as("accounts, sessions and the signing key survive a restart: " + me.body())
          .isEqualTo(200);
      again.signal("TERM");
      assertThat(again.awaitExit(Duration.ofSeconds(30))).isZero();
    }
  }

  @Test
  void afterAKillNineTheNextStartTakesOverTheDataDirectory() throws Exception {
    int port = ServerProcess.freePort();
    try (ServerProcess demo = startDemo(port)) {
      demo.awaitOutput("Slipstream is up", START);
      post(
          port,
          "/api/streams",
          "{\"title\":\"Survives a crash\"}",
          new ApiAccounts("http://127.0.0.1:" + port).broadcaster("caster@example.com"));
      demo.signal("KILL");
      demo.awaitExit(Duration.ofSeconds(10));
    }

    try (ServerProcess again = startDemo(port)) {
      again.awaitOutput("Slipstream is up", START);
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(port, "/api/streams").body()).contains("Survives a crash");
      List<ProcessHandle> children = ServerProcess.postgresProcessesUnder(data);
      assertThat(children).isNotEmpty();
      again.signal("INT");
      assertThat(again.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      assertThat(ServerProcess.postgresProcessesUnder(data)).isEmpty();
    }
  }

  private ServerProcess startDemo(int port) throws IOException {
    return ServerProcess.start(
        List.of(
            "demo",
            "--http-port=" + port,
            "--data-dir=" + data,
            "--media-udp-port=0",
            "--media-tcp-port=0",
            "--media-rtmp-port=" + rtmpPort,
            "--media-srt-port=0",
            ApiAccounts.ADMIN_FLAG),
        Map.of());
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path, String json, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
