package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web app's cookie session, its CSRF double-submit token, and CORS for listed origins. */
class SessionCookiesIT {
  private static final String APP = "https://app.example.com";
  private GatewayFixture f;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start(s -> s, List.of(APP));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aCookieSessionWorksWithItsCsrfTokenAndNotWithoutIt() {
    f.userWith("caster@example.com", "broadcaster");
    HttpResponse<String> login =
        f.post(
            "/api/auth/login",
            "{\"email\":\"caster@example.com\",\"password\":\""
                + GatewayFixture.PASSWORD
                + "\",\"useCookies\":true}",
            null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    JsonNode body = f.read(login);
    assertThat(body.has("accessToken")).as("tokens stay out of reach of scripts").isFalse();
    assertThat(body.has("refreshToken")).isFalse();
    List<String> setCookies = login.headers().allValues("Set-Cookie");
    assertThat(cookieLine(setCookies, "slipstream_access"))
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain("Secure");
    assertThat(cookieLine(setCookies, "slipstream_refresh"))
        .contains("HttpOnly")
        .contains("Path=/api/auth");
    assertThat(cookieLine(setCookies, "slipstream_csrf")).doesNotContain("HttpOnly");
    Map<String, String> jar = cookies(setCookies);
    String csrf = body.get("csrfToken").asText();
    assertThat(jar.get("slipstream_csrf")).isEqualTo(csrf);

    assertThat(f.send(withCookies(get("/api/me"), jar)).statusCode())
        .as("reads need no CSRF token")
        .isEqualTo(200);
    f.assertProblem(
        f.send(withCookies(post("/api/streams", "{\"title\":\"x\"}"), jar)),
        403,
        "csrf_token_missing");
    f.assertProblem(
        f.send(
            withCookies(post("/api/streams", "{\"title\":\"x\"}"), jar)
                .header("X-CSRF-Token", "forged")),
        403,
        "csrf_token_mismatch");
    assertThat(f.read(f.get("/api/streams")).get("items")).isEmpty();
    HttpResponse<String> created =
        f.send(
            withCookies(post("/api/streams", "{\"title\":\"By cookie\"}"), jar)
                .header("X-CSRF-Token", csrf));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    f.assertProblem(
        f.send(withCookies(post("/api/auth/refresh", "{}"), jar)), 403, "csrf_token_missing");
    HttpResponse<String> refreshed =
        f.send(withCookies(post("/api/auth/refresh", "{}"), jar).header("X-CSRF-Token", csrf));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    Map<String, String> renewed = cookies(refreshed.headers().allValues("Set-Cookie"));
    assertThat(renewed.get("slipstream_refresh")).isNotEqualTo(jar.get("slipstream_refresh"));
    String newCsrf = f.read(refreshed).get("csrfToken").asText();

    HttpResponse<String> out =
        f.send(
            withCookies(post("/api/auth/logout", "{}"), renewed).header("X-CSRF-Token", newCsrf));
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(cookieLine(out.headers().allValues("Set-Cookie"), "slipstream_access"))
        .as("cleared")
        .contains("Expires=Thu, 01 Jan 1970");
    f.assertProblem(f.send(withCookies(get("/api/me"), renewed)), 401, "session_ended");
  }

  @Test
  void onlyListedOriginsGetCorsAnswersAndPreflightsAreHandled() {
    HttpResponse<String> preflight =
        f.send(
            HttpRequest.newBuilder(f.uri("/api/streams"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-csrf-token"));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(h -> assertThat(h).contains("X-CSRF-Token"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValueSatisfying(h -> assertThat(h).contains("POST"));

    f.assertProblem(
        f.send(
            HttpRequest.newBuilder(f.uri("/api/streams"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")),
        403,
        "cors_origin_not_allowed");

    HttpResponse<String> allowed = f.send(get("/api/streams").header("Origin", APP));
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(allowed.headers().firstValue("Vary"))
        .hasValueSatisfying(v -> assertThat(v).contains("Origin"));
    HttpResponse<String> other =
        f.send(get("/api/streams").header("Origin", "https://evil.example.net"));
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(f.uri(path)).GET();
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(f.uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder withCookies(
      HttpRequest.Builder request, Map<String, String> jar) {
    StringBuilder header = new StringBuilder();
    jar.forEach(
        (name, value) ->
            header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
    return request.header("Cookie", header.toString());
  }

  private static String cookieLine(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + setCookies));
  }

  private static Map<String, String> cookies(List<String> setCookies) {
    Map<String, String> jar = new HashMap<>();
    for (String line : setCookies) {
      String pair = line.split(";", 2)[0];
      int eq = pair.indexOf('=');
      jar.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return jar;
  }
}
