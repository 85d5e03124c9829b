package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stream's calibration and zones through {@code /api/streams/{id}/calibration}: the owner sets
 * them, anyone reads them, a stale editor is refused, and every malformed view is refused with its
 * own code and leaves the stored one as it was.
 */
class StreamViewRoutesIT {
  private static GatewayFixture fixture;
  private static String owner;
  private static String stranger;
  private static String operator;

  static final String VIEW =
      """
      {"points":[
        {"image":{"x":100,"y":300},"ground":{"x":0,"y":0}},
        {"image":{"x":540,"y":300},"ground":{"x":40,"y":0}},
        {"image":{"x":600,"y":200},"ground":{"x":40,"y":10}},
        {"image":{"x":40,"y":200},"ground":{"x":0,"y":10}}],
       "zones":[{"id":"finish","vertices":[{"x":30,"y":0},{"x":40,"y":0},{"x":40,"y":10},{"x":30,"y":10}]}]}
      """;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    owner = fixture.userWith("owner@example.com", "broadcaster");
    stranger = fixture.userWith("stranger@example.com", "broadcaster");
    operator = fixture.userWith("operator@example.com", "operator");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static HttpResponse<String> put(String id, String body, String token, String ifMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(fixture.uri("/api/streams/" + id + "/calibration"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return fixture.send(GatewayFixture.withBearer(request, token));
  }

  private static HttpResponse<String> delete(String id, String token) {
    return fixture.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(fixture.uri("/api/streams/" + id + "/calibration")).DELETE(),
            token));
  }

  @Test
  void theOwnerSetsTheViewAndAnyoneReadsItBack() {
    String id = fixture.createStream("calibrated", owner).get("id").asText();
    fixture.assertProblem(
        fixture.get("/api/streams/" + id + "/calibration"), 404, "no_calibration");

    HttpResponse<String> stored = put(id, VIEW, owner, null);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(stored.headers().firstValue("ETag")).hasValue("\"r1\"");

    HttpResponse<String> read = fixture.get("/api/streams/" + id + "/calibration");
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode view = fixture.read(read);
    assertThat(view.get("revision").asLong()).isEqualTo(1);
    assertThat(view.get("points")).hasSize(4);
    assertThat(view.get("points").get(1).get("ground").get("x").asDouble()).isEqualTo(40);
    assertThat(view.get("zones").get(0).get("id").asText()).isEqualTo("finish");
    assertThat(view.get("zones").get(0).get("vertices")).hasSize(4);
    assertThat(view.get("rmsErrorM").asDouble()).isLessThan(1e-6);
    assertThat(view.get("updatedBy").asText()).isNotBlank();
  }

  @Test
  void onlyTheOwnerOrAnOperatorMayChangeIt() {
    String id = fixture.createStream("guarded", owner).get("id").asText();
    fixture.assertProblem(put(id, VIEW, null, null), 401, "authentication_required");
    assertThat(put(id, VIEW, stranger, null).statusCode()).isEqualTo(403);
    assertThat(delete(id, stranger).statusCode()).isEqualTo(403);
    fixture.assertProblem(
        fixture.get("/api/streams/" + id + "/calibration"), 404, "no_calibration");

    assertThat(put(id, VIEW, operator, null).statusCode()).isEqualTo(200);
    assertThat(delete(id, owner).statusCode()).isEqualTo(204);
    fixture.assertProblem(delete(id, owner), 404, "no_calibration");
  }

  @Test
  void anEditorQuotingAStaleRevisionIsRefusedAndChangesNothing() {
    String id = fixture.createStream("edited", owner).get("id").asText();
    assertThat(put(id, VIEW, owner, null).statusCode()).isEqualTo(200);
    String noZones = VIEW.replaceAll("\"zones\":\\[.*\\]", "\"zones\":[]");
    HttpResponse<String> second = put(id, noZones, operator, "\"r1\"");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(second.headers().firstValue("ETag")).hasValue("\"r2\"");

    fixture.assertProblem(put(id, VIEW, owner, "\"r1\""), 412, "precondition_failed");
    HttpResponse<String> sentBack =
        put(
            id,
            fixture.read(fixture.get("/api/streams/" + id + "/calibration")).toString(),
            owner,
            "\"r2\"");
    assertThat(sentBack.statusCode())
        .as("what GET answers is a valid PUT body: " + sentBack.body())
        .isEqualTo(200);
    fixture.assertProblem(
        put(id, VIEW.replace("{\"points\"", "{\"colour\":\"red\",\"points\""), owner, null),
        400,
        "malformed_json");
    fixture.assertProblem(put(id, VIEW, owner, "r1"), 400, "invalid_if_match");
    JsonNode now = fixture.read(fixture.get("/api/streams/" + id + "/calibration"));
    assertThat(now.get("revision").asLong()).isEqualTo(3);
    assertThat(now.get("zones")).isEmpty();
  }

  @Test
  void eachMalformedViewIsRefusedWithItsOwnCodeAndTheStoredOneStays() {
    String id = fixture.createStream("refusals", owner).get("id").asText();
    assertThat(put(id, VIEW, owner, null).statusCode()).isEqualTo(200);
    String threePoints =
        VIEW.replace(",\n  {\"image\":{\"x\":40,\"y\":200},\"ground\":{\"x\":0,\"y\":10}}", "");
    List<String[]> cases =
        List.of(
            new String[] {"{}", "calibration_missing_points"},
            new String[] {"null", "malformed_json"},
            new String[] {"{\"points\":", "malformed_json"},
            new String[] {"{\"points\":\"four\"}", "malformed_json"},
            new String[] {threePoints, "calibration_too_few_points"},
            new String[] {
              VIEW.replace("{\"x\":600,\"y\":200}", "{\"x\":320,\"y\":300}"),
              "calibration_collinear_points"
            },
            new String[] {
              VIEW.replace("{\"x\":600,\"y\":200}", "{\"x\":540,\"y\":300}"),
              "calibration_duplicate_points"
            },
            new String[] {
              VIEW.replace("\"ground\":{\"x\":40,\"y\":0}", "\"ground\":{\"x\":40}"),
              "calibration_invalid_point"
            },
            new String[] {
              VIEW.replace("{\"image\":{\"x\":100,\"y\":300},", "{"), "calibration_invalid_point"
            },
            new String[] {VIEW.replace("\"finish\"", "\"no spaces\""), "zone_invalid_id"},
            new String[] {
              VIEW.replace("{\"x\":40,\"y\":10},{\"x\":30,\"y\":10}", "{\"x\":35,\"y\":0}"),
              "zone_zero_area"
            },
            new String[] {
              VIEW.replace(",{\"x\":40,\"y\":10},{\"x\":30,\"y\":10}", ""), "zone_too_few_vertices"
            },
            new String[] {
              VIEW.replace(
                  "\"zones\":[",
                  "\"zones\":[{\"id\":\"finish\",\"vertices\":[{\"x\":0,\"y\":0},{\"x\":1,\"y\":0},{\"x\":1,\"y\":1}]},"),
              "zone_duplicate_id"
            });
    for (String[] c : cases) {
      fixture.assertProblem(put(id, c[0], owner, null), 400, c[1]);
    }
    fixture.assertProblem(put("no-such-stream", VIEW, operator, null), 404, "stream_not_found");
    JsonNode now = fixture.read(fixture.get("/api/streams/" + id + "/calibration"));
    assertThat(now.get("revision").asLong()).isEqualTo(1);
    assertThat(now.get("zones").get(0).get("id").asText()).isEqualTo("finish");
  }
}
