package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams that need a play token: WHEP without one, with an expired one, or with one for another
 * stream is refused; a valid one gets through to the media plane (which then says the idle stream
 * is not live).
 */
class PlayTokensIT {
  private GatewayFixture f;
  private String offer;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
    offer = Files.readString(Path.of("../media/src/test/resources/sdp/chromium-whip-offer.sdp"));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aStreamThatNeedsAPlayTokenPlaysOnlyWithAValidOneForIt() {
    String caster = f.userWith("caster@example.com", "broadcaster");
    String viewer = f.userWith("viewer@example.com");
    String closed =
        f.read(
                f.post(
                    "/api/streams",
                    "{\"title\":\"Members only\",\"playTokenRequired\":true}",
                    caster))
            .get("id")
            .asText();
    String open = f.createStream("Free to watch", caster).get("id").asText();
    assertThat(
            f.read(f.get("/api/streams/" + closed + "/access"))
                .get("playTokenRequired")
                .asBoolean())
        .isTrue();

    f.assertProblem(
        f.post("/api/streams/" + closed + "/play-token", "{}", null),
        401,
        "authentication_required");
    HttpResponse<String> issued = f.post("/api/streams/" + closed + "/play-token", "{}", viewer);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String token = f.read(issued).get("token").asText();
    String otherStreams =
        f.read(f.post("/api/streams/" + open + "/play-token", "{}", viewer)).get("token").asText();

    f.assertProblem(whep(closed, null), 401, "play_token_required");
    f.assertProblem(whep(closed, viewer), 401, "invalid_play_token");
    f.assertProblem(whep(closed, "junk"), 401, "invalid_play_token");
    f.assertProblem(whep(closed, otherStreams), 403, "play_token_wrong_stream");
    f.assertProblem(whep(closed, token), 409, "stream_not_live");
    f.assertProblem(whep(open, null), 409, "stream_not_live");

    f.clock.advance(Duration.ofMinutes(5));
    f.assertProblem(whep(closed, token), 401, "play_token_expired");
  }

  @Test
  void theOwnerTurnsThePlayTokenRequirementOnAndOff() {
    String caster = f.userWith("caster@example.com", "broadcaster");
    String other = f.userWith("other@example.com", "broadcaster");
    String id = f.createStream("Switchable", caster).get("id").asText();

    f.assertProblem(
        put("/api/streams/" + id + "/access", "{\"playTokenRequired\":true}", other),
        403,
        "not_stream_owner");
    f.assertProblem(
        put("/api/streams/" + id + "/access", "{}", caster), 400, "invalid_play_token_required");
    assertThat(
            put("/api/streams/" + id + "/access", "{\"playTokenRequired\":true}", caster)
                .statusCode())
        .isEqualTo(200);
    f.assertProblem(whep(id, null), 401, "play_token_required");
    assertThat(
            put("/api/streams/" + id + "/access", "{\"playTokenRequired\":false}", caster)
                .statusCode())
        .isEqualTo(200);
    f.assertProblem(whep(id, null), 409, "stream_not_live");
  }

  private HttpResponse<String> whep(String stream, String bearer) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/streams/" + stream + "/whep"))
                .header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(offer)),
            bearer));
  }

  private HttpResponse<String> put(String path, String body, String bearer) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)),
            bearer));
  }
}
