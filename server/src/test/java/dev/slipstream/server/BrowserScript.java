package dev.slipstream.server;

import dev.slipstream.server.config.SlipstreamConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the web module's Node browser scripts ({@code web/e2e/*.mjs}) against a server, in
 * Debian's headless Chromium, and returns its exit status and output. Every run's output is also
 * kept in {@code target/e2e-logs/} so that a passing run's figures can be read afterwards.
 */
final class BrowserScript {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path E2E = Path.of("../web/e2e").toAbsolutePath().normalize();
  private static final Path LOGS = Path.of("target/e2e-logs");

  /** What the script printed and how it ended. */
  record Result(int exitCode, String output) {}

  private BrowserScript() {}

  /** Skips the test (fails it on CI) when Chromium is not installed. */
  static void requireChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    String notice = "no Chromium at " + CHROMIUM + ": browser test not run";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(notice + " (CI=true requires it; ./slipstream test installs it)");
    }
    System.err.println("NOTICE: " + notice);
    Assumptions.abort(notice);
  }

  /**
   * The settings of a one-machine server for a browser test: HTTP on {@code port}, data in {@code
   * data}, media ports picked freely, no RTMP or SRT, the test admin, and {@code extra} flags.
   */
  static SlipstreamConfig serverConfig(int port, Path data, String... extra) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--http-port=" + port,
                "--data-dir=" + data,
                "--media-udp-port=0",
                "--media-tcp-port=0",
                "--media-rtmp-port=0",
                "--media-srt-port=0",
                ApiAccounts.ADMIN_FLAG));
    flags.addAll(List.of(extra));
    return SlipstreamConfig.load(flags, Map.of(), data, data);
  }

  /** Runs {@code web/e2e/<script>} with {@code env}, killing it after {@code timeout}. */
  static Result run(String script, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(LOGS);
    Path log = Files.createTempFile(LOGS, script.replace(".mjs", "") + "-", ".log");
    ProcessBuilder builder = new ProcessBuilder("node", E2E.resolve(script).toString());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log);
    return new Result(
        finished ? process.exitValue() : -1, (finished ? "" : "TIMED OUT\n") + output);
  }
}
