package dev.slipstream.bench.latency;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./slipstream bench latency}: glass-to-glass latency through the real server. Starts the
 * packaged server as its own process (as {@code ./slipstream demo} would, on free ports and a
 * throw-away data folder), creates a stream, and runs {@code web/e2e/webrtc.e2e.mjs} in latency
 * mode: Chromium draws the wall clock into every frame and publishes it over WHIP, a second page
 * plays it over WHEP and reads the clock back. Ends with the script's summary line.
 */
public final class LatencyBenchmark {
  private static final Pattern ID = Pattern.compile("\"id\":\"(str_[a-z0-9]+)\"");
  private static final Pattern KEY = Pattern.compile("\"publishKey\":\"(sk_[A-Za-z0-9]+)\"");

  private LatencyBenchmark() {}

  /** Runs the benchmark; {@code --duration-s=N} sets the measuring time (default 60). */
  public static void main(String[] args) throws Exception {
    int duration = 60;
    for (String arg : args) {
      if (arg.startsWith("--duration-s=")) {
        duration = Integer.parseInt(arg.substring("--duration-s=".length()));
      } else {
        System.err.println("slipstream bench latency: unknown option " + arg);
        System.exit(2);
      }
    }
    Path home = Path.of(System.getProperty("slipstream.home", ".")).toAbsolutePath();
    Path data = Files.createTempDirectory("slipstream-latency");
    int port = freePort();
    Process server = startServer(home, data, port);
    try {
      awaitUp(server, port);
      String created = createStream(port);
      String summary = runBrowsers(home, port, created, duration);
      System.out.println(summary);
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process startServer(Path home, Path data, int port) throws IOException {
    Path target = home.resolve("server/target");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            target.resolve("slipstream-server.jar") + ":" + target.resolve("lib") + "/*",
            "dev.slipstream.server.Main",
            "run",
            "--http-port=" + port,
            "--media-udp-port=0",
            "--data-dir=" + data,
            "--log-level=warn");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("server.log").toFile())
        .start();
  }

  private static void awaitUp(Process server, int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited with " + server.exitValue());
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server was not up within 60 s");
  }

  private static String createStream(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/streams"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Latency benchmark\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String runBrowsers(Path home, int port, String stream, int duration)
      throws Exception {
    Matcher id = ID.matcher(stream);
    Matcher key = KEY.matcher(stream);
    if (!id.find() || !key.find()) {
      throw new IllegalStateException("the server did not create a stream: " + stream);
    }
    ProcessBuilder node =
        new ProcessBuilder("node", home.resolve("web/e2e/webrtc.e2e.mjs").toString())
            .redirectErrorStream(true);
    node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
    node.environment().put("STREAM_ID", id.group(1));
    node.environment().put("PUBLISH_KEY", key.group(1));
    node.environment().put("DURATION_S", Integer.toString(duration));
    node.environment().put("MODE", "latency");
    Process browsers = node.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = browsers.inputReader()) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.startsWith("latency ")) {
          System.out.println(line);
        }
        lines.add(line);
      }
    }
    int status = browsers.waitFor();
    String summary =
        lines.stream().filter(l -> l.startsWith("latency ")).reduce((a, b) -> b).orElse("");
    if (status != 0 || summary.isEmpty()) {
      throw new IllegalStateException("the browser run failed (exit " + status + ")");
    }
    return summary;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
