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
 * mode: a Chromium page plays the stream over WHEP and reads back the wall clock drawn into every
 * frame. The sender is, by {@code --source}: {@code browser} (default), a second page drawing the
 * clock onto a canvas and publishing it over WHIP; or FFmpeg in this process pushing the synthetic
 * source with the clock burned in over {@code rtmp}, {@code srt} or its own {@code whip} muxer.
 * Ends with the script's summary line.
 */
public final class LatencyBenchmark {
  private static final Pattern ID = Pattern.compile("\"id\":\"(str_[a-z0-9]+)\"");
  private static final Pattern KEY = Pattern.compile("\"publishKey\":\"(sk_[A-Za-z0-9]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
  private static final String BENCH_EMAIL = "latency-bench@example.com";
  private static final String BENCH_PASSWORD = "Bench-Latency-Hurdles-42";

  private LatencyBenchmark() {}

  /**
   * Runs the benchmark; {@code --duration-s=N} sets the measuring time (default 60), {@code
   * --source=browser|rtmp|srt|whip} the sender.
   */
  public static void main(String[] args) throws Exception {
    int duration = 60;
    LatencySource source = LatencySource.BROWSER;
    for (String arg : args) {
      if (arg.startsWith("--duration-s=")) {
        duration = Integer.parseInt(arg.substring("--duration-s=".length()));
      } else if (arg.startsWith("--source=")) {
        source = LatencySource.parse(arg.substring("--source=".length()));
      } else {
        System.err.println("slipstream bench latency: unknown option " + arg);
        System.exit(2);
      }
    }
    Path home = Path.of(System.getProperty("slipstream.home", ".")).toAbsolutePath();
    Path data = Files.createTempDirectory("slipstream-latency");
    int port = freePort();
    int ingestPort = freePort();
    Process server = startServer(home, data, port, source, ingestPort);
    try {
      awaitUp(server, port);
      String created = createStream(port);
      Matcher id = ID.matcher(created);
      Matcher key = KEY.matcher(created);
      if (!id.find() || !key.find()) {
        throw new IllegalStateException("the server did not create a stream: " + created);
      }
      try (ExternalSender sender =
          ExternalSender.start(source, port, ingestPort, id.group(1), key.group(1))) {
        String summary = runBrowsers(home, port, id.group(1), key.group(1), source, duration);
        System.out.println(summary);
      }
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process startServer(
      Path home, Path data, int port, LatencySource source, int ingestPort) throws IOException {
    Path target = home.resolve("server/target");
    List<String> command =
        new ArrayList<>(
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
                "--log-level=warn",
                "--admin-email=" + BENCH_EMAIL));
    source.serverFlag(ingestPort).ifPresent(command::add);
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

  /**
   * Registers the bench's account (the server makes it admin, which may create streams), signs in
   * and creates the stream; returns the creation's answer, with the publish key.
   */
  private static String createStream(int port) throws Exception {
    String base = "http://127.0.0.1:" + port;
    String credentials =
        "{\"email\":\"" + BENCH_EMAIL + "\",\"password\":\"" + BENCH_PASSWORD + "\"";
    post(base + "/api/auth/register", credentials + ",\"displayName\":\"Latency bench\"}", null);
    Matcher token = TOKEN.matcher(post(base + "/api/auth/login", credentials + "}", null));
    if (!token.find()) {
      throw new IllegalStateException("the bench could not sign in");
    }
    return post(base + "/api/streams", "{\"title\":\"Latency benchmark\"}", token.group(1));
  }

  private static String post(String url, String json, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String runBrowsers(
      Path home, int port, String id, String key, LatencySource source, int duration)
      throws Exception {
    ProcessBuilder node =
        new ProcessBuilder("node", home.resolve("web/e2e/webrtc.e2e.mjs").toString())
            .redirectErrorStream(true);
    node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
    node.environment().put("STREAM_ID", id);
    node.environment().put("PUBLISH_KEY", key);
    node.environment().put("PUBLISHER", source == LatencySource.BROWSER ? "browser" : "external");
    node.environment().put("LABEL", source.label());
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
