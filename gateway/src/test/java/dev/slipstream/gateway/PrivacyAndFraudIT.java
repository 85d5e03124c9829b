package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.gateway.auth.AuthServices;
import dev.slipstream.gateway.auth.AuthSettings;
import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.gateway.privacy.PiiKeys;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Reconciliation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Personal data sealed at rest and found by blind index, keys rotated, the data export, erasure
 * that keeps the books balanced, and fraud flags raised with their evidence and listed for
 * operators, all over real HTTP and PostgreSQL.
 */
class PrivacyAndFraudIT {
  private GatewayFixture f;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void noEmailOrNameIsStoredInPlainTextAndKeysRotate() throws Exception {
    f.userWith("plain.sight@example.com");
    assertThat(usersTableText()).doesNotContain("plain.sight").doesNotContain("Runner");

    byte[] newKey = new byte[32];
    new SecureRandom().nextBytes(newKey);
    byte[] oldKey = PiiKeys.demo().dataKeys().get("dev");
    PiiKeys rotated =
        new PiiKeys(
            new java.util.LinkedHashMap<>(Map.of("k2", newKey)) {
              {
                put("dev", oldKey);
              }
            },
            PiiKeys.demo().indexKey(),
            false);
    AuthServices again =
        AuthServices.start(
            f.db.dataSource(),
            AuthSettings.defaults(),
            f.clock,
            new SecureRandom(),
            new PiiCipher(rotated, new SecureRandom()));
    assertThat(usersTableText()).contains("v1.k2.").doesNotContain("v1.dev.");
    assertThat(
            again
                .accounts()
                .login("plain.sight@example.com", GatewayFixture.PASSWORD)
                .account()
                .displayName())
        .isEqualTo("Runner");
  }

  @Test
  void erasureMakesSignInImpossibleAndLeavesTheBooksBalanced() throws Exception {
    String ann = f.userWith("ann@example.com");
    String refresh = f.login("ann@example.com").get("refreshToken").asText();
    String annId = f.read(f.get("/api/me", ann)).get("id").asText();
    deposit(ann, 7_000, "tok_visa");
    f.scheduler.runAll();
    JsonNode export = f.read(f.get("/api/account/export", ann));
    assertThat(export.get("account").get("email").asText()).isEqualTo("ann@example.com");
    assertThat(export.get("wallet").get("balanceMinor").asLong()).isEqualTo(7_000);
    assertThat(export.get("deposits")).hasSize(1);
    assertThat(export.get("transactions")).hasSize(1);
    assertThat(export.get("sightings")).isNotEmpty();
    assertThat(export.get("auditLog").toString())
        .contains("deposit.requested")
        .contains("money.transfer");

    f.assertProblem(erase(ann, "wrong password!!"), 401, "invalid_credentials");
    assertThat(f.get("/api/me", ann).statusCode()).isEqualTo(200);
    assertThat(erase(ann, GatewayFixture.PASSWORD).statusCode()).isEqualTo(204);

    f.assertProblem(
        f.post(
            "/api/auth/login",
            "{\"email\":\"ann@example.com\",\"password\":\"" + GatewayFixture.PASSWORD + "\"}",
            null),
        401,
        "invalid_credentials");
    f.assertProblem(f.get("/api/me", ann), 401, "session_ended");
    assertThat(
            f.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null)
                .statusCode())
        .isEqualTo(401);
    assertThat(usersTableText()).doesNotContain("ann@example.com");
    assertThat(f.ledger.openAccount(AccountKind.PLAYER_WALLET, annId, "EUR").balance())
        .as("the money stays on the books under the pseudonym")
        .isEqualTo(7_000);
    assertThat(
            Reconciliation.postgres(f.db.dataSource(), f.clock, f.payments.holdBacking(), null)
                .run()
                .discrepancies())
        .isEmpty();
    assertThat(f.money.fraud().sightings(annId)).isEmpty();
    assertThat(f.money.audit().about("user:" + annId, 10))
        .extracting(e -> e.action())
        .contains("account.erased");
    assertThat(f.register("ann@example.com").statusCode())
        .as("the address may register again, as a new person")
        .isEqualTo(201);
  }

  @Test
  void fraudFlagsAreRaisedWithEvidenceAndListedForOperatorsOnly() {
    String ops = f.userWith("ops@example.com", "operator");
    List<String> ids = new ArrayList<>();
    for (String name : List.of("one", "two", "three")) {
      HttpResponse<String> registered =
          f.send(
              HttpRequest.newBuilder(f.uri("/api/auth/register"))
                  .header("Content-Type", "application/json")
                  .header("X-Device-Id", "device-shared-0001")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"email\":\""
                              + name
                              + "@example.com\",\"password\":\""
                              + GatewayFixture.PASSWORD
                              + "\",\"displayName\":\"Runner\"}")));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      ids.add(f.read(registered).get("id").asText());
    }
    f.assertProblem(
        f.send(
            HttpRequest.newBuilder(f.uri("/api/auth/register"))
                .header("Content-Type", "application/json")
                .header("X-Device-Id", "bad id!")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        400,
        "invalid_device_id");
    String ann = f.userWith("ann@example.com");
    for (int i = 0; i < 4; i++) {
      deposit(ann, 1_000, "tok_visa");
    }
    deposit(ann, 500, "tok_chargeback");
    f.scheduler.runAll();

    f.assertProblem(f.get("/api/operator/fraud-flags", ann), 403, "forbidden");
    JsonNode flags = f.read(f.get("/api/operator/fraud-flags?limit=200", ops));
    List<String> rules = new ArrayList<>();
    flags.get("items").forEach(flag -> rules.add(flag.get("rule").asText()));
    assertThat(rules).contains("shared_device", "deposit_velocity", "chargeback_history");
    // Everyone on this test machine shares 127.0.0.1, so the address rule fires too.
    assertThat(rules).contains("shared_address");
    JsonNode device = first(flags, "shared_device");
    assertThat(device.get("evidence").get("accounts"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrderElementsOf(ids);
    JsonNode velocity = first(flags, "deposit_velocity");
    assertThat(velocity.get("evidence").get("count").asInt()).isGreaterThan(3);
    assertThat(velocity.get("evidence").get("limit").asInt()).isEqualTo(3);
    JsonNode chargeback = first(flags, "chargeback_history");
    assertThat(chargeback.get("evidence").get("amount").asLong()).isEqualTo(500);
    f.assertProblem(f.get("/api/operator/fraud-flags?cursor=zzz", ops), 400, "invalid_cursor");
    f.clock.advance(Duration.ofSeconds(1));
  }

  private static JsonNode first(JsonNode flags, String rule) {
    for (JsonNode flag : flags.get("items")) {
      if (flag.get("rule").asText().equals(rule)) {
        return flag;
      }
    }
    throw new AssertionError("no " + rule + " flag in " + flags);
  }

  private HttpResponse<String> deposit(String token, long amount, String method) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/wallet/deposits"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"amountMinor\":" + amount + ",\"paymentMethod\":\"" + method + "\"}")),
            token));
  }

  private HttpResponse<String> erase(String token, String password) {
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/account"))
                .header("Content-Type", "application/json")
                .method(
                    "DELETE",
                    HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\"}")),
            token));
  }

  private String usersTableText() throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection c = f.db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT row_to_json(u)::text FROM gateway.users u")) {
      while (rs.next()) {
        text.append(rs.getString(1)).append('\n');
      }
    }
    return text.toString();
  }
}
