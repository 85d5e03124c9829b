package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.media.stream.StreamState;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first HTML answer for a page, fetched with a plain HTTP client as a crawler or a browser
 * without JavaScript would: it lists the streams as links, carries the initial state the app starts
 * from, and on a stream's page names the stream in its title, description and Open Graph tags —
 * with every stream title escaped so that a hostile one stays text.
 */
class ServerRenderedShellIT {
  private static final Pattern INITIAL_STATE =
      Pattern.compile("<script id=\"initial-state\" type=\"application/json\">(.*?)</script>");
  private static GatewayFixture fixture;
  private static String broadcaster;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    broadcaster = fixture.userWith("shell-owner@example.com", "broadcaster");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static JsonNode initialState(String html) throws Exception {
    Matcher matcher = INITIAL_STATE.matcher(html);
    assertThat(matcher.find()).as("initial state in %s", html).isTrue();
    return fixture.json.readTree(matcher.group(1));
  }

  @Test
  void theHomePageListsEveryStreamAsALinkAndCarriesTheListAsInitialState() throws Exception {
    String id = fixture.createStream("Sunday sprint final", broadcaster).get("id").asText();

    HttpResponse<String> page = fixture.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains("<a href=\"/watch/" + id + "\">Sunday sprint final</a>")
        .contains("<title>Slipstream</title>");
    JsonNode state = initialState(page.body());
    assertThat(state.at("/streams/items").findValuesAsText("id")).contains(id);
    assertThat(state.has("stream")).isFalse();
  }

  @Test
  void aStreamPageNamesTheStreamInItsTitleDescriptionAndOpenGraphTags() throws Exception {
    String id = fixture.createStream("Harbour 400 m heats", broadcaster).get("id").asText();

    HttpResponse<String> page = fixture.get("/watch/" + id);

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("<title>Harbour 400 m heats · Slipstream</title>")
        .contains("<meta name=\"description\" content=\"Harbour 400 m heats: on Slipstream soon")
        .contains("<meta property=\"og:title\" content=\"Harbour 400 m heats\" />")
        .contains("<meta property=\"og:type\" content=\"video.other\" />")
        .contains("<meta property=\"og:url\" content=\"" + fixture.uri("/watch/" + id) + "\" />")
        .contains("<h1>Harbour 400 m heats</h1>")
        .doesNotContain("og:image");
    JsonNode state = initialState(html);
    assertThat(state.at("/stream/id").asText()).isEqualTo(id);
    assertThat(state.at("/stream/state").asText()).isEqualTo("idle");
  }

  @Test
  void aLiveStreamPageOffersItsCurrentPictureAsTheOpenGraphImage() {
    String id = fixture.createStream("Live relay", broadcaster).get("id").asText();
    fixture.streams.moveTo(id, StreamState.LIVE);

    String html = fixture.get("/watch/" + id).body();

    assertThat(html)
        .contains(
            "<meta property=\"og:image\" content=\""
                + fixture.uri("/api/streams/" + id + "/snapshot?width=640")
                + "\" />")
        .contains("live now on Slipstream");
  }

  @Test
  void aHostileStreamTitleComesOutAsInertTextEverywhere() throws Exception {
    String hostile = "</script><script>alert(\"x\")</script><img src=x onerror='y'> & co";
    String id = fixture.streams.create(hostile).stream().id();

    String html = fixture.get("/watch/" + id).body();

    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(html.split("<script", -1)).hasSize(3);
    String escaped =
        "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
            + "&lt;img src=x onerror=&#39;y&#39;&gt; &amp; co";
    assertThat(html)
        .contains("<title>" + escaped + " · Slipstream</title>")
        .contains("<meta property=\"og:title\" content=\"" + escaped + "\" />")
        .contains("<h1>" + escaped + "</h1>");
    assertThat(initialState(html).at("/stream/title").asText()).isEqualTo(hostile);
  }

  @Test
  void anUnknownStreamPageStillRendersTheShellButSaysNotFound() throws Exception {
    HttpResponse<String> page = fixture.get("/watch/str_0000000000000000");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<div id=\"root\"><main class=\"static-shell\">");
    assertThat(initialState(page.body()).has("stream")).isFalse();
  }

  @Test
  void apiPathsAndAssetsNeverFallBackToTheShell() {
    fixture.assertProblem(fixture.get("/api/no-such-thing"), 404, "not_found");
    fixture.assertProblem(fixture.get("/assets/missing.js"), 404, "not_found");
  }
}
