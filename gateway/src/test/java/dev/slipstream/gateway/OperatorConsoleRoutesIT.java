package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator console's read-only routes: the performance figures behind its live charts and the
 * audit log, paged newest first. Only operators read them, and bad paging is refused by name.
 */
class OperatorConsoleRoutesIT {
  private static GatewayFixture fixture;
  private static String operator;
  private static String bettor;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
    operator = fixture.userWith("console-ops@example.com", "operator");
    bettor = fixture.userWith("console-bettor@example.com");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void anOperatorReadsTheProcessAndStreamPerformance() {
    var answer = fixture.get("/api/operator/performance", operator);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode view = fixture.read(answer);
    assertThat(view.has("at")).isTrue();
    assertThat(view.get("process").isObject()).isTrue();
    assertThat(view.get("streams").isArray()).isTrue();
  }

  @Test
  void theAuditLogShowsOperatorActionsNewestFirstAPageAtATime() {
    String bettorId = fixture.read(fixture.get("/api/me", bettor)).get("id").asText();
    for (int i = 0; i < 3; i++) {
      assertThat(
              fixture
                  .post("/api/operator/users/" + bettorId + "/verify", "{}", operator)
                  .statusCode())
          .isEqualTo(200);
    }

    JsonNode first = fixture.read(fixture.get("/api/operator/audit?limit=2", operator));
    assertThat(first.get("items")).hasSize(2);
    JsonNode newest = first.get("items").get(0);
    assertThat(newest.get("action").asText()).isEqualTo("user.verified");
    assertThat(newest.get("subject").asText()).isEqualTo("user:" + bettorId);
    assertThat(newest.get("details").isObject()).isTrue();
    String cursor = first.get("nextCursor").asText();

    JsonNode second =
        fixture.read(fixture.get("/api/operator/audit?limit=2&cursor=" + cursor, operator));
    List<Long> ids = new ArrayList<>();
    first.get("items").forEach(line -> ids.add(line.get("id").asLong()));
    second.get("items").forEach(line -> ids.add(line.get("id").asLong()));
    assertThat(ids)
        .hasSizeGreaterThanOrEqualTo(3)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void onlyOperatorsReadTheConsoleRoutes() {
    assertThat(fixture.get("/api/operator/audit", bettor).statusCode()).isEqualTo(403);
    assertThat(fixture.get("/api/operator/performance", bettor).statusCode()).isEqualTo(403);
    assertThat(fixture.get("/api/operator/audit").statusCode()).isEqualTo(401);
  }

  @Test
  void badPagingIsRefusedByName() {
    fixture.assertProblem(
        fixture.get("/api/operator/audit?cursor=abc", operator), 400, "invalid_cursor");
    fixture.assertProblem(
        fixture.get("/api/operator/audit?cursor=-4", operator), 400, "invalid_cursor");
    fixture.assertProblem(
        fixture.get("/api/operator/audit?limit=0", operator), 400, "invalid_limit");
    fixture.assertProblem(
        fixture.get("/api/operator/audit?limit=201", operator), 400, "invalid_limit");
  }
}
