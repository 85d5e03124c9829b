package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration, sign-in, refresh, sign-out, lockout and role grants over real HTTP. */
class AuthRoutesIT {
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
  void aNewAccountSignsInRefreshesAndSignsOut() {
    HttpResponse<String> registered =
        f.post(
            "/api/auth/register",
            "{\"email\":\"  Ann@Example.COM \",\"password\":\""
                + GatewayFixture.PASSWORD
                + "\",\"displayName\":\" Ann \"}",
            null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode account = f.read(registered);
    assertThat(account.get("id").asText()).matches("usr_[a-z0-9]{16}");
    assertThat(account.get("email").asText()).isEqualTo("ann@example.com");
    assertThat(account.get("displayName").asText()).isEqualTo("Ann");
    assertThat(account.get("roles").toString()).isEqualTo("[\"viewer\",\"bettor\"]");
    assertThat(account.has("passwordHash")).isFalse();
    f.assertProblem(f.register("ANN@example.com"), 409, "email_taken");

    JsonNode session = f.login("ann@example.com");
    assertThat(session.get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(session.get("expiresIn").asLong()).isEqualTo(900);
    assertThat(session.get("refreshToken").asText()).matches("rt_[A-Za-z0-9_-]{43}");
    String access = session.get("accessToken").asText();
    HttpResponse<String> me = f.get("/api/me", access);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(f.read(me).get("id")).isEqualTo(account.get("id"));
    assertThat(me.headers().firstValue("Cache-Control")).hasValue("no-store");

    JsonNode refreshed = refresh(session.get("refreshToken").asText());
    assertThat(refreshed.get("refreshToken").asText())
        .isNotEqualTo(session.get("refreshToken").asText());
    assertThat(f.get("/api/me", refreshed.get("accessToken").asText()).statusCode()).isEqualTo(200);

    HttpResponse<String> out =
        f.post(
            "/api/auth/logout",
            "{\"refreshToken\":\"" + refreshed.get("refreshToken").asText() + "\"}",
            null);
    assertThat(out.statusCode()).isEqualTo(204);
    f.assertProblem(f.get("/api/me", refreshed.get("accessToken").asText()), 401, "session_ended");
    f.assertProblem(f.get("/api/me", access), 401, "session_ended");
    f.assertProblem(
        refreshResponse(refreshed.get("refreshToken").asText()), 401, "refresh_token_revoked");
    assertThat(f.post("/api/auth/logout", "{\"refreshToken\":\"rt_unknown\"}", null).statusCode())
        .as("signing out twice or with junk is harmless")
        .isEqualTo(204);
  }

  @Test
  void reusingARotatedRefreshTokenRevokesTheWholeFamilyButNotOtherSessions() {
    f.register("bo@example.com");
    JsonNode first = f.login("bo@example.com");
    JsonNode otherDevice = f.login("bo@example.com");
    String stolen = first.get("refreshToken").asText();
    JsonNode second = refresh(stolen);

    f.assertProblem(refreshResponse(stolen), 401, "refresh_token_reused");
    f.assertProblem(
        refreshResponse(second.get("refreshToken").asText()), 401, "refresh_token_revoked");
    f.assertProblem(f.get("/api/me", second.get("accessToken").asText()), 401, "session_ended");
    assertThat(f.get("/api/me", otherDevice.get("accessToken").asText()).statusCode())
        .isEqualTo(200);
    assertThat(refreshResponse(otherDevice.get("refreshToken").asText()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void accessTokensExpireFirstAndRefreshTokensLater() {
    f.register("cy@example.com");
    JsonNode session = f.login("cy@example.com");

    f.clock.advance(Duration.ofMinutes(15));
    f.assertProblem(f.get("/api/me", session.get("accessToken").asText()), 401, "token_expired");
    JsonNode refreshed = refresh(session.get("refreshToken").asText());
    assertThat(f.get("/api/me", refreshed.get("accessToken").asText()).statusCode()).isEqualTo(200);

    f.clock.advance(Duration.ofDays(30));
    f.assertProblem(
        refreshResponse(refreshed.get("refreshToken").asText()), 401, "refresh_token_expired");
    f.assertProblem(refreshResponse("rt_" + "x".repeat(43)), 401, "invalid_refresh_token");
    f.assertProblem(refreshResponse("nonsense"), 401, "invalid_refresh_token");
    f.assertProblem(f.post("/api/auth/refresh", "{}", null), 401, "invalid_refresh_token");
  }

  @Test
  void registrationRefusesEachBadFieldWithItsOwnCodeAndStoresNothing() {
    Map<String, String> cases = new TreeMap<>();
    cases.put(
        "{\"email\":\"no-at-sign\",\"password\":\"Tartan-Hurdles-42\",\"displayName\":\"A\"}",
        "invalid_email");
    cases.put(
        "{\"email\":\"a@b\",\"password\":\"Tartan-Hurdles-42\",\"displayName\":\"A\"}",
        "invalid_email");
    cases.put("{\"password\":\"Tartan-Hurdles-42\",\"displayName\":\"A\"}", "invalid_email");
    cases.put(
        "{\"email\":\"d@example.com\",\"password\":\"Tartan-Hurdles-42\",\"displayName\":\" \"}",
        "invalid_display_name");
    cases.put(
        "{\"email\":\"d@example.com\",\"password\":\"Tartan-Hurdles-42\"}", "invalid_display_name");
    cases.put(
        "{\"email\":\"d@example.com\",\"password\":\"Tartan-Hurdles-42\",\"displayName\":\""
            + "x".repeat(65)
            + "\"}",
        "invalid_display_name");
    cases.put("{\"email\":\"d@example.com\",\"displayName\":\"D\"}", "invalid_password");
    cases.put(
        "{\"email\":\"d@example.com\",\"password\":\"Short-1\",\"displayName\":\"D\"}",
        "password_too_short");
    cases.put(
        "{\"email\":\"d@example.com\",\"password\":\"alllowercaseletters\",\"displayName\":\"D\"}",
        "password_too_simple");
    cases.put(
        "{\"email\":\"d@example.com\",\"password\":\"Password12345\",\"displayName\":\"D\"}",
        "password_too_common");
    cases.put(
        "{\"email\":\"darius@example.com\",\"password\":\"Darius-Runs-Fast\",\"displayName\":\"D\"}",
        "password_contains_email");
    cases.put(
        "{\"email\":\"d@example.com\",\"password\":\"Tartan-Hurdles-42\",\"displayName\":\"D\",\"roles\":[\"admin\"]}",
        "malformed_json");
    cases.put("[]", "malformed_json");
    cases.put("null", "malformed_json");
    cases.forEach(
        (body, code) -> f.assertProblem(f.post("/api/auth/register", body, null), 400, code));
    assertThat(f.rows("users")).isZero();
  }

  @Test
  void repeatedFailuresLockTheEmailKnownOrNotAndTheLockEnds() {
    f.register("di@example.com");
    for (String email : List.of("di@example.com", "nobody@example.com")) {
      for (int i = 0; i < 5; i++) {
        f.assertProblem(login(email, "Wrong-Password-99"), 401, "invalid_credentials");
      }
      HttpResponse<String> locked = login(email, GatewayFixture.PASSWORD);
      f.assertProblem(locked, 429, "too_many_attempts");
      assertThat(locked.headers().firstValue("Retry-After")).hasValue("30");
    }
    f.clock.advance(Duration.ofSeconds(31));
    assertThat(login("di@example.com", GatewayFixture.PASSWORD).statusCode()).isEqualTo(200);
    f.assertProblem(login("di@example.com", "Wrong-Password-99"), 401, "invalid_credentials");
    assertThat(login("di@example.com", GatewayFixture.PASSWORD).statusCode())
        .as("a success clears the count")
        .isEqualTo(200);

    f.clock.advance(Duration.ofSeconds(31));
    for (int i = 0; i < 6; i++) {
      login("nobody@example.com", "Wrong-Password-99");
    }
    HttpResponse<String> longer = login("nobody@example.com", "Wrong-Password-99");
    assertThat(longer.headers().firstValue("Retry-After")).as("the lock doubles").hasValue("60");
  }

  @Test
  void anUnknownEmailCostsAPasswordHashLikeAWrongPassword() {
    f.register("ed@example.com");
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String n = Integer.toString(i);
      known.add(timed(() -> login("ed@example.com", "Wrong-Password-" + n)));
      unknown.add(timed(() -> login("ghost" + n + "@example.com", "Wrong-Password-99")));
    }
    Collections.sort(known);
    Collections.sort(unknown);
    // A hash takes tens of ms; a lookup that skipped it would take about one.
    assertThat(unknown.get(2)).isGreaterThan(known.get(1) / 3);
  }

  @Test
  void anAdminGrantsRolesThatTakeEffectAtTheNextRefresh() {
    f.register("fay@example.com");
    JsonNode session = f.login("fay@example.com");
    String id = f.read(f.get("/api/me", session.get("accessToken").asText())).get("id").asText();
    String path = "/api/admin/users/" + id + "/roles";

    f.assertProblem(
        f.post(path, "{\"grant\":[\"broadcaster\"]}", session.get("accessToken").asText()),
        403,
        "forbidden");
    f.assertProblem(f.post(path, "{\"grant\":[\"emperor\"]}", f.admin()), 400, "invalid_role");
    f.assertProblem(
        f.post(
            "/api/admin/users/usr_0000000000000000/roles", "{\"grant\":[\"viewer\"]}", f.admin()),
        404,
        "user_not_found");
    JsonNode found = f.read(f.get("/api/admin/users?email=FAY@example.com", f.admin()));
    assertThat(found.get("id").asText()).isEqualTo(id);

    HttpResponse<String> granted =
        f.post(path, "{\"grant\":[\"broadcaster\"],\"revoke\":[\"bettor\"]}", f.admin());
    assertThat(f.read(granted).get("roles").toString()).isEqualTo("[\"viewer\",\"broadcaster\"]");
    f.assertProblem(
        f.post("/api/streams", "{\"title\":\"Too soon\"}", session.get("accessToken").asText()),
        403,
        "forbidden");
    String fresh = refresh(session.get("refreshToken").asText()).get("accessToken").asText();
    assertThat(f.post("/api/streams", "{\"title\":\"Now\"}", fresh).statusCode()).isEqualTo(201);

    String adminId = f.read(f.get("/api/me", f.admin())).get("id").asText();
    assertThat(f.read(f.get("/api/me", f.admin())).get("roles").toString()).contains("admin");
    f.assertProblem(
        f.post("/api/admin/users/" + adminId + "/roles", "{\"revoke\":[\"admin\"]}", f.admin()),
        409,
        "cannot_revoke_own_admin");
  }

  private JsonNode refresh(String token) {
    HttpResponse<String> response = refreshResponse(token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return f.read(response);
  }

  private HttpResponse<String> refreshResponse(String token) {
    return f.post("/api/auth/refresh", "{\"refreshToken\":\"" + token + "\"}", null);
  }

  private HttpResponse<String> login(String email, String password) {
    return f.send(
        HttpRequest.newBuilder(f.uri("/api/auth/login"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
  }

  private static long timed(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return System.nanoTime() - start;
  }
}
