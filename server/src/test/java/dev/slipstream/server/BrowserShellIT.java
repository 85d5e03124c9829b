package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.server.config.Role;
import dev.slipstream.server.config.SlipstreamConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app in headless Chromium against a real server: the script in {@code web/e2e} loads every
 * page, checks it shows what the server holds, and saves screenshots under {@code
 * target/screenshots}.
 */
class BrowserShellIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCRIPT =
      Path.of("../web/e2e/shell.e2e.mjs").toAbsolutePath().normalize();
  @TempDir Path data;

  @Test
  void theAppShowsTheStreamsTheServerHoldsOnEveryPageAndWidth() throws Exception {
    requireChromium();
    int port = ServerProcess.freePort();
    SlipstreamConfig config =
        SlipstreamConfig.load(
            List.of("--http-port=" + port, "--data-dir=" + data), Map.of(), data, data);
    try (SlipstreamNode node =
        SlipstreamNode.start(config, EnumSet.allOf(Role.class), false, Clock.systemUTC())) {
      String title = "Browser test stream " + UUID.randomUUID().toString().substring(0, 8);
      String base = "http://127.0.0.1:" + port;
      HttpResponse<String> created =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/api/streams"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);

      Path screenshots = Path.of("target/screenshots").toAbsolutePath();
      Path log = Files.createTempFile("shell-e2e", ".log");
      ProcessBuilder run = new ProcessBuilder("node", SCRIPT.toString());
      run.environment()
          .putAll(
              Map.of(
                  "BASE_URL", base,
                  "EXPECT_STREAM_TITLE", title,
                  "SCREENSHOT_DIR", screenshots.toString()));
      run.redirectErrorStream(true).redirectOutput(log.toFile());
      Process browser = run.start();
      boolean finished = browser.waitFor(180, TimeUnit.SECONDS);
      String output = Files.readString(log);
      if (!finished) {
        browser.destroyForcibly();
      }
      assertThat(finished).as("browser test finished in time:\n" + output).isTrue();
      assertThat(browser.exitValue()).as(output).isZero();
      assertThat(screenshots.resolve("watch-desktop.png")).isNotEmptyFile();
      assertThat(screenshots.resolve("operator-phone.png")).isNotEmptyFile();
    }
  }

  private static void requireChromium() {
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
}
