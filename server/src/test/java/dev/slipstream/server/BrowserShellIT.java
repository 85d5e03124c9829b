package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.server.config.Role;
import dev.slipstream.server.config.SlipstreamConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
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
    BrowserScript.requireChromium();
    int port = ServerProcess.freePort();
    SlipstreamConfig config = BrowserScript.serverConfig(port, data);
    try (SlipstreamNode node =
        SlipstreamNode.start(config, EnumSet.allOf(Role.class), false, Clock.systemUTC())) {
      String title = "Browser test stream " + UUID.randomUUID().toString().substring(0, 8);
      String base = "http://127.0.0.1:" + port;
      ApiAccounts accounts = new ApiAccounts(base);
      String created =
          accounts
              .createStream(title, accounts.broadcaster("caster@example.com"))
              .get("id")
              .asText();
      assertThat(created).startsWith("str_");
      java.net.http.HttpResponse<Void> page =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/")).build(),
                  java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as("the app's page is served under the Content-Security-Policy the script checks")
          .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));

      Path screenshots = Path.of("target/screenshots").toAbsolutePath();
      BrowserScript.Result result =
          BrowserScript.run(
              "shell.e2e.mjs",
              Map.of(
                  "BASE_URL",
                  base,
                  "EXPECT_STREAM_TITLE",
                  title,
                  "SCREENSHOT_DIR",
                  screenshots.toString(),
                  "OPERATOR_EMAIL",
                  ApiAccounts.ADMIN_EMAIL,
                  "OPERATOR_PASSWORD",
                  ApiAccounts.PASSWORD),
              Duration.ofSeconds(180));
      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(screenshots.resolve("watch-desktop.png")).isNotEmptyFile();
      assertThat(screenshots.resolve("operator-phone.png")).isNotEmptyFile();
    }
  }
}
