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
 * The product in headless Chromium against the demo: {@code web/e2e/app.e2e.mjs} watches the live,
 * analysed demo stream (overlay boxes move, interpolated), registers a viewer who deposits and bets
 * from the slip and sees the bet settle with its evidence, has an operator suspend the market on
 * the viewer's slip (shown within a second), goes live from a fake camera and plays it on a second
 * page, survives a malformed live message and dropped sockets, and has an operator give the viewer
 * a bet delay so their next bet waits as pending and they cancel it; screenshots go to {@code
 * target/screenshots}.
 */
class WebAppBrowserIT {
  @TempDir Path data;

  @Test
  void aViewerWatchesBetsAndSurvivesABadSocketWhileABroadcasterGoesLiveFromTheBrowser()
      throws Exception {
    BrowserScript.requireChromium();
    int port = ServerProcess.freePort();
    SlipstreamConfig config =
        BrowserScript.serverConfig(port, data, "--payments-sandbox-confirm-seconds=1");
    try (SlipstreamNode node =
        SlipstreamNode.start(config, EnumSet.allOf(Role.class), true, Clock.systemUTC())) {
      String base = "http://127.0.0.1:" + port;
      new ApiAccounts(base).admin(); // registers the admin, who signs in on the console
      Path screenshots = Path.of("target/screenshots").toAbsolutePath();

      BrowserScript.Result result =
          BrowserScript.run(
              "app.e2e.mjs",
              Map.of(
                  "BASE_URL",
                  base,
                  "STREAM_ID",
                  demoStreamId(base),
                  "SCREENSHOT_DIR",
                  screenshots.toString(),
                  "OPERATOR_EMAIL",
                  ApiAccounts.ADMIN_EMAIL,
                  "OPERATOR_PASSWORD",
                  ApiAccounts.PASSWORD),
              Duration.ofSeconds(540));

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output())
          .contains("ok (a) the overlay boxes move with the runners")
          .contains("ok (b) a new viewer registers and deposits")
          .contains("ok (b) the signed-in viewer places a bet; wallet and my bets change")
          .contains("ok (b) the bet settles and shows its evidence")
          .contains("ok (c) an operator suspends the market on the viewer")
          .contains("ok (d) Go Live publishes the fake camera and a second page plays it")
          .contains("ok (e) a malformed message and dropped sockets leave the page up")
          .contains("ok (f) without JavaScript a stream page carries its title, Open Graph tags")
          .contains("ok (f) the app starts from the server-rendered stream list")
          .contains("ok (g) the viewer withdraws (sandbox)")
          .contains("ok (g) a player deletes their data after confirming with the password")
          .contains("ok (h) the operator sees analytics performance, live charts and the audit log")
          .contains(
              "ok (i) an operator gives a bettor a bet delay; their bet waits as pending and they"
                  + " cancel it")
          .contains("ok (j) odds read as decimal, fractional or American, as the bettor chooses");
      for (String name :
          List.of(
              "watch-desktop",
              "watch-betting-phone",
              "account-desktop",
              "account-phone",
              "go-live-desktop",
              "go-live-phone",
              "operator-desktop",
              "operator-phone",
              "shell-nojs-desktop",
              "shell-nojs-phone",
              "account-withdraw-desktop",
              "account-withdraw-phone",
              "account-delete-desktop",
              "account-delete-phone",
              "operator-console-desktop",
              "operator-console-phone",
              "operator-risk-desktop",
              "watch-pending-desktop")) {
        assertThat(screenshots.resolve(name + ".png")).isNotEmptyFile();
      }
    }
  }

  private static String demoStreamId(String base) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/streams")).build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode stream : new ObjectMapper().readTree(response.body()).get("items")) {
      if (stream.get("title").asText().equals(MediaSources.DEMO_STREAM_TITLE)) {
        return stream.get("id").asText();
      }
    }
    throw new AssertionError("no demo stream in " + response.body());
  }
}
