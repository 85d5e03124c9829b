package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.gateway.http.Problem;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.sfu.MediaSettings;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayIT {
  private final Database db = TestDatabase.embedded();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<Health> bus = new AtomicReference<>(Health.up("in-process"));
  private Gateway gateway;
  private MediaServer media;

  @BeforeEach
  void startGateway() throws SQLException {
    // One media plane per test, on a free loopback port.
    db.migrate(List.of(StreamDirectory.MIGRATION));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE media.streams");
    }
    StreamDirectory streams =
        StreamDirectory.postgres(db.dataSource(), Clock.systemUTC(), new SecureRandom());
    media =
        MediaServer.start(
            new MediaSettings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                List.of(InetAddress.getLoopbackAddress()),
                Duration.ofSeconds(1)),
            streams,
            Clock.systemUTC(),
            new SecureRandom(),
            new SimpleMeterRegistry());
    var services =
        new GatewayServices(
            streams,
            media,
            Map.of("database", db::health, "bus", bus::get),
            new SystemInfo(
                "test", Instant.now(), List.of("gateway"), db.description(), "in-process"),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            Clock.systemUTC());
    gateway = Gateway.start(new GatewaySettings("127.0.0.1", 0, 16 * 1024), services);
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
    media.close();
  }

  @Test
  void healthIsUpWithEachCheckExplainedAndDownWhenAnyCheckFails() throws Exception {
    HttpResponse<String> up = get("/healthz");
    assertThat(up.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(up.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.at("/checks/database/up").asBoolean()).isTrue();
    assertThat(body.at("/checks/database/detail").asText()).startsWith("PostgreSQL answered in");

    bus.set(Health.down("Redis did not answer"));
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
    assertProblem(post("/api/streams/str_nosuchstream00000/end", "{}"), 404, "stream_not_found");
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
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=x"))),
        415,
        "unsupported_media_type");
    String huge = "{\"title\":\"" + "x".repeat(20_000) + "\"}";
    assertProblem(post("/api/streams", huge), 413, "request_too_large");
    assertThat(json.readTree(get("/api/streams").body()).get("items")).isEmpty();
  }

  @Test
  void metricsAreServedInThePrometheusTextFormat() throws Exception {
    get("/api/streams");
    HttpResponse<String> metrics = get("/metrics");
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
            StreamDirectory.postgres(db.dataSource(), Clock.systemUTC(), new SplittableRandom(1)),
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
    assertProblem(
        send(
            HttpRequest.newBuilder(uri(session))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("a=x"))
                .header("Content-Type", "application/trickle-ice-sdpfrag")),
        405,
        "method_not_allowed");
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
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
