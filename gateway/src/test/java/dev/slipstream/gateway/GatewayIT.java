package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.gateway.http.Problem;
import dev.slipstream.media.ingest.ClockPattern;
import dev.slipstream.media.ingest.SyntheticBroadcast;
import dev.slipstream.media.ingest.SyntheticSource;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's REST, WHIP/WHEP and ops routes over real HTTP, called by a signed-in broadcaster.
 */
class GatewayIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private GatewayFixture fixture;
  private Gateway gateway;
  private MediaServer media;
  private String broadcaster;

  @BeforeEach
  void startGateway() throws SQLException {
    fixture = GatewayFixture.start();
    gateway = fixture.gateway;
    media = fixture.media;
    broadcaster = fixture.userWith("caster@example.com", "broadcaster");
  }

  @AfterEach
  void stopGateway() {
    fixture.close();
  }

  @Test
  void healthIsUpWithEachCheckExplainedAndDownWhenAnyCheckFails() throws Exception {
    HttpResponse<String> up = get("/healthz");
    assertThat(up.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(up.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.at("/checks/database/up").asBoolean()).isTrue();
    assertThat(body.at("/checks/database/detail").asText()).startsWith("PostgreSQL answered in");

    fixture.bus.set(Health.down("Redis did not answer"));
    HttpResponse<String> down = get("/healthz");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json.readTree(down.body()).at("/checks/bus/detail").asText())
        .isEqualTo("Redis did not answer");
  }

  @Test
  void aCreatedStreamIsListedAndFoundByItsId() throws Exception {
    HttpResponse<String> created = post("/api/streams", "{\"title\":\"Long jump final\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode stream = json.readTree(created.body());
    String id = stream.get("id").asText();
    assertThat(created.headers().firstValue("Location")).contains("/api/streams/" + id);
    assertThat(stream.get("state").asText()).isEqualTo("idle");
    assertThat(stream.get("publishKey").asText()).matches("sk_[A-Za-z0-9]{32}");
    assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");

    JsonNode list = json.readTree(get("/api/streams").body());
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.at("/items/0/title").asText()).isEqualTo("Long jump final");
    assertThat(list.get("nextCursor").isNull()).isTrue();
    JsonNode fetched = json.readTree(get("/api/streams/" + id).body());
    assertThat(fetched.get("title").asText()).isEqualTo("Long jump final");
    assertThat(fetched.has("publishKey")).as("the key is shown only once").isFalse();
    assertThat(list.at("/items/0").has("publishKey")).isFalse();
  }

  @Test
  void aKeyCanBeRotatedAndAnEndedStreamRefusesBoth() throws Exception {
    JsonNode stream = json.readTree(post("/api/streams", "{\"title\":\"Pole vault\"}").body());
    String id = stream.get("id").asText();

    JsonNode rotated = json.readTree(post("/api/streams/" + id + "/publish-key", "{}").body());
    assertThat(rotated.get("publishKey").asText())
        .matches("sk_[A-Za-z0-9]{32}")
        .isNotEqualTo(stream.get("publishKey").asText());

    HttpResponse<String> ended = post("/api/streams/" + id + "/end", "{}");
    assertThat(ended.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ended.body()).get("state").asText()).isEqualTo("ended");
    assertProblem(post("/api/streams/" + id + "/publish-key", "{}"), 409, "stream_ended");
    HttpResponse<String> endedAgain = post("/api/streams/" + id + "/end", "{}");
    assertThat(endedAgain.statusCode()).as("ending is idempotent").isEqualTo(200);
    fixture.assertProblem(
        fixture.post(
            "/api/streams/str_nosuchstream00000/end",
            "{}",
            fixture.userWith("ops@example.com", "operator")),
        404,
        "stream_not_found");
  }

  @Test
  void badRequestsGetProblemDocumentsWithStableCodes() throws Exception {
    assertProblem(post("/api/streams", "{\"title\":\"  \"}"), 400, "invalid_title");
    assertProblem(post("/api/streams", "{\"title\":"), 400, "malformed_json");
    assertProblem(post("/api/streams", "{\"title\":\"x\",\"extra\":1}"), 400, "malformed_json");
    assertProblem(post("/api/streams", "{}"), 400, "invalid_title");
    assertProblem(get("/api/streams?limit=lots"), 400, "invalid_limit");
    assertProblem(get("/api/streams?cursor=forged"), 400, "invalid_cursor");
    assertProblem(get("/api/streams/str_nosuchstream00000"), 404, "stream_not_found");
    assertProblem(get("/api/no-such-resource"), 404, "not_found");
    assertProblem(
        send(
            HttpRequest.newBuilder(uri("/api/streams"))
                .header("Authorization", "Bearer " + broadcaster)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=x"))),
        415,
        "unsupported_media_type");
    String huge = "{\"title\":\"" + "x".repeat(20_000) + "\"}";
    assertProblem(post("/api/streams", huge), 413, "request_too_large");
    assertThat(json.readTree(get("/api/streams").body()).get("items")).isEmpty();
  }

  @Test
  void aLiveStreamsSnapshotIsAJpegOfItsCurrentPicture() throws Exception {
    JsonNode created = json.readTree(post("/api/streams", "{\"title\":\"Snapshot heat\"}").body());
    String id = created.get("id").asText();
    assertProblem(get("/api/streams/" + id + "/snapshot"), 409, "stream_not_live");

    try (SyntheticSource source =
        SyntheticSource.start(
            media,
            id,
            created.get("publishKey").asText(),
            Clock.systemUTC(),
            new SplittableRandom(3))) {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri("/api/streams/" + id + "/snapshot")).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      assertThat(response.headers().firstValue("Slipstream-Media-Time-Us")).isPresent();
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(response.body()));
      assertThat(picture.getWidth()).isEqualTo(640);
      assertThat(picture.getHeight()).isEqualTo(360);
      long now = System.currentTimeMillis();
      long burned = ClockPattern.unwrap(ClockPattern.read(picture).orElseThrow(), now);
      assertThat(now - burned).as("the picture is current").isBetween(0L, 1_000L);
      assertProblem(get("/api/streams/" + id + "/snapshot?width=33"), 400, "invalid_width");
      assertProblem(get("/api/streams/" + id + "/snapshot?width=big"), 400, "invalid_width");
    }
    assertProblem(get("/api/streams/str_nosuchstream00000/snapshot"), 404, "stream_not_found");
  }

  @Test
  void ffmpegsWhipMuxerPublishesAndItsPicturesReachTheStream() throws Exception {
    JsonNode created = json.readTree(post("/api/streams", "{\"title\":\"FFmpeg WHIP\"}").body());
    String id = created.get("id").asText();
    String whip = uri("/api/streams/" + id + "/whip").toString();

    try (SyntheticBroadcast broadcast =
        SyntheticBroadcast.start(
            whip,
            SyntheticBroadcast.Protocol.WHIP,
            created.get("publishKey").asText(),
            Clock.systemUTC(),
            new SplittableRandom(5))) {
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (media.stats(id).map(s -> s.framesPerSecond()).orElse(0.0) < 20) {
        assertThat(broadcast.failure()).isNull();
        assertThat(System.nanoTime()).as("live at 20+ fps within 15 s").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(json.readTree(get("/api/streams/" + id).body()).get("state").asText())
          .isEqualTo("live");
      assertThat(media.stats(id).orElseThrow().videoCodec()).isEqualToIgnoringCase("H264");
      HttpResponse<byte[]> snapshot =
          http.send(
              HttpRequest.newBuilder(uri("/api/streams/" + id + "/snapshot")).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(snapshot.body()));
      long now = System.currentTimeMillis();
      long burned = ClockPattern.unwrap(ClockPattern.read(picture).orElseThrow(), now);
      assertThat(now - burned).as("FFmpeg's pictures arrive current").isBetween(0L, 1_000L);
    }
    assertThat(json.readTree(get("/api/streams/" + id).body()).get("state").asText())
        .as("the muxer's trailer sends WHIP DELETE")
        .isEqualTo("idle");
  }

  @Test
  void metricsAreServedInThePrometheusTextFormatToOperators() throws Exception {
    get("/api/streams");
    HttpResponse<String> metrics =
        fixture.get("/metrics", fixture.userWith("ops@example.com", "operator"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/streams\"");
  }

  @Test
  void aSecondGatewayOnTheSamePortSaysThePortIsInUse() {
    var settings = new GatewaySettings("127.0.0.1", gateway.port(), 1024);
    var services =
        new GatewayServices(
            StreamDirectory.postgres(
                fixture.db.dataSource(), Clock.systemUTC(), new SplittableRandom(1)),
            null,
            Map.of(),
            new SystemInfo("test", Instant.now(), List.of(), "", ""),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            Clock.systemUTC());
    assertThatThrownBy(() -> Gateway.start(settings, services))
        .isInstanceOf(GatewayStartException.class)
        .hasMessage(
            "cannot listen on 127.0.0.1:"
                + gateway.port()
                + ": the port is already in use by another program");
  }

  @Test
  void whipAndWhepRefuseBadRequestsPreciselyAndChangeNothing() throws Exception {
    String offer =
        Files.readString(Path.of("../media/src/test/resources/sdp/chromium-whip-offer.sdp"));
    JsonNode stream = json.readTree(post("/api/streams", "{\"title\":\"Steeplechase\"}").body());
    String id = stream.get("id").asText();
    String key = stream.get("publishKey").asText();
    String whip = "/api/streams/" + id + "/whip";

    assertProblem(sdp(whip, offer, null), 401, "invalid_publish_key");
    assertProblem(sdp(whip, offer, "sk_wrong"), 401, "invalid_publish_key");
    assertProblem(
        sdp("/api/streams/str_nosuchstream00000/whip", offer, key), 404, "stream_not_found");
    assertProblem(sdp(whip, "v=0\r\nthis is not sdp\r\n", key), 400, "invalid_sdp");
    assertProblem(
        sdp(whip, offer.replaceAll("(?m)^a=fingerprint:.*\r?\n", ""), key), 400, "invalid_sdp");
    assertProblem(
        send(
            HttpRequest.newBuilder(uri(whip))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        415,
        "unsupported_media_type");
    assertProblem(sdp("/api/streams/" + id + "/whep", offer, null), 409, "stream_not_live");
    assertThat(json.readTree(get("/api/streams/" + id).body()).get("state").asText())
        .isEqualTo("idle");

    HttpResponse<String> first = sdp(whip, offer, key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/sdp"));
    assertThat(first.body()).contains("a=ice-lite").contains("a=setup:passive");
    String session = first.headers().firstValue("Location").orElseThrow();
    assertThat(session).startsWith(whip + "/");
    assertProblem(sdp(whip, offer, key), 409, "stream_already_live");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String restart = "a=ice-ufrag:R3st\r\na=ice-pwd:" + "p".repeat(24) + "\r\n";
    assertProblem(patch(session, restart, null, "*"), 401, "invalid_publish_key");
    assertProblem(patch(session, "a=x\r\n", key, "*"), 400, "invalid_sdp");
    assertProblem(patch(session, "a=ice-ufrag:R3st\r\n", key, "*"), 400, "invalid_sdp");
    assertProblem(patch(session, restart, key, "\"stale\""), 412, "precondition_failed");
    assertProblem(patch(whip + "/0000", restart, key, "*"), 404, "session_not_found");
    assertProblem(
        send(
            HttpRequest.newBuilder(uri(session))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(restart))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/sdp")),
        415,
        "unsupported_media_type");
    String candidate = "a=mid:0\r\na=candidate:1 1 udp 2113937151 192.0.2.7 50000 typ host\r\n";
    assertThat(patch(session, candidate, key, etag).statusCode())
        .as("trickled candidates need nothing from an ICE-lite server")
        .isEqualTo(204);
    HttpResponse<String> restarted = patch(session, restart, key, "*");
    assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(200);
    assertThat(restarted.headers().firstValue("Content-Type"))
        .hasValue("application/trickle-ice-sdpfrag");
    assertThat(restarted.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
    assertThat(restarted.body()).contains("a=ice-lite").contains("a=candidate:");
    assertThat(iceUfrag(restarted.body())).isNotEqualTo(iceUfrag(first.body()));
    assertProblem(patch(session, restart, key, etag), 412, "precondition_failed");
    assertProblem(
        send(
            HttpRequest.newBuilder(uri(whip + "/0000"))
                .DELETE()
                .header("Authorization", "Bearer " + key)),
        404,
        "session_not_found");
    HttpResponse<String> deleted =
        send(
            HttpRequest.newBuilder(uri(session)).DELETE().header("Authorization", "Bearer " + key));
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(json.readTree(get("/api/streams/" + id).body()).get("state").asText())
        .isEqualTo("idle");
  }

  private HttpResponse<String> patch(String path, String fragment, String bearer, String ifMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment))
            .header("Content-Type", "application/trickle-ice-sdpfrag")
            .header("If-Match", ifMatch);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  private static String iceUfrag(String sdp) {
    return sdp.lines()
        .filter(l -> l.startsWith("a=ice-ufrag:"))
        .findFirst()
        .orElseThrow()
        .substring("a=ice-ufrag:".length());
  }

  private HttpResponse<String> sdp(String path, String body, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/sdp")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  private void assertProblem(HttpResponse<String> response, int status, String code)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  private URI uri(String path) {
    return gateway.baseUri().resolve(path);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + broadcaster)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
