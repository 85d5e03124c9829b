package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.RouteRule;
import dev.slipstream.gateway.auth.AuthSettings;
import dev.slipstream.gateway.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every route the gateway registers: each has an access rule, the open ones are exactly the
 * list below (so a new open route is a decision, not an accident), and every other one refuses a
 * missing, expired, tampered, unsigned, foreign-key, wrong-audience, wrong-issuer or wrong-role
 * token, and a cookie without its CSRF token, changing nothing.
 */
class RouteAccessIT {
  private static final String SECRET = "route-walk-secret-at-least-32-bytes-long";
  private static final Set<String> OPEN =
      Set.of(
          "GET /healthz",
          "GET /api/openapi.json",
          "GET /api/docs",
          "POST /api/graphql",
          "GET /api/streams",
          "GET /api/streams/{id}",
          "GET /api/streams/{id}/access",
          "GET /api/streams/{id}/live",
          "GET /api/streams/{id}/snapshot",
          "GET /api/streams/{id}/whep/{session}/clock",
          "GET /api/streams/{id}/calibration",
          "POST /api/auth/register",
          "POST /api/auth/login",
          "POST /api/auth/refresh",
          "POST /api/auth/logout",
          "POST /api/streams/{id}/whip",
          "PATCH /api/streams/{id}/whip/{session}",
          "DELETE /api/streams/{id}/whip/{session}",
          "POST /api/streams/{id}/whep",
          "POST /api/payments/webhooks/sandbox",
          "PATCH /api/streams/{id}/whep/{session}",
          "DELETE /api/streams/{id}/whep/{session}",
          "GET /api/streams/{id}/markets",
          "GET /api/markets/{id}",
          "GET /api/markets/{id}/evidence",
          "GET /api/markets/{id}/evidence/frames/{frame}");

  private GatewayFixture f;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start(s -> s.withJwtSecrets(List.of(SECRET)), List.of());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void everyRouteHasAnAccessRuleAndOnlyTheListedOnesAreOpen() {
    List<RouteRule> table = f.gateway.routeTable();
    assertThat(table)
        .hasSizeGreaterThan(20)
        .allSatisfy(r -> assertThat(r.access()).as(r.toString()).isNotNull());
    Set<String> open =
        table.stream()
            .filter(
                r ->
                    r.access() instanceof Access.Anyone
                        || r.access() instanceof Access.PublishKey
                        || r.access() instanceof Access.PlayToken)
            .map(r -> r.method() + " " + r.path())
            .collect(Collectors.toSet());
    assertThat(open).containsExactlyInAnyOrderElementsOf(OPEN);
  }

  @Test
  void everyProtectedRouteRefusesEveryBadCredential() throws Exception {
    String caster = f.userWith("caster@example.com", "broadcaster");
    String stream = f.createStream("Walked", caster).get("id").asText();
    String bettorOnly = f.userWith("bettor@example.com");
    String bettorId = f.read(f.get("/api/me", bettorOnly)).get("id").asText();
    f.post("/api/admin/users/" + bettorId + "/roles", "{\"revoke\":[\"viewer\"]}", f.admin());
    bettorOnly = f.login("bettor@example.com").get("accessToken").asText();
    String viewerOnly = f.userWith("viewer@example.com");
    String viewerId = f.read(f.get("/api/me", viewerOnly)).get("id").asText();
    f.post("/api/admin/users/" + viewerId + "/roles", "{\"revoke\":[\"bettor\"]}", f.admin());
    viewerOnly = f.login("viewer@example.com").get("accessToken").asText();
    String admin = f.admin();
    String kid = SignedJWT.parse(admin).getHeader().getKeyID();
    String sid = SignedJWT.parse(admin).getJWTClaimsSet().getStringClaim("sid");
    Instant now = f.clock.instant();

    Map<String, Credential> bad = new LinkedHashMap<>();
    bad.put("anonymous", new Credential(null, 401, "authentication_required"));
    bad.put("basic scheme", new Credential("Basic YWRtaW46YWRtaW4=", 401, "invalid_token"));
    bad.put("garbage", new Credential("Bearer not-a-token", 401, "invalid_token"));
    bad.put(
        "expired",
        bearer(
            sign(
                SECRET,
                kid,
                claims(
                    now.minusSeconds(3600),
                    now.minusSeconds(1),
                    "slipstream",
                    AuthSettings.API_AUDIENCE,
                    sid)),
            401,
            "token_expired"));
    bad.put(
        "tampered",
        bearer(
            tamper(f.login("caster@example.com").get("accessToken").asText()),
            401,
            "invalid_token"));
    bad.put(
        "alg none",
        bearer(
            unsigned(
                claims(now, now.plusSeconds(600), "slipstream", AuthSettings.API_AUDIENCE, sid)),
            401,
            "invalid_token"));
    bad.put(
        "unknown kid",
        bearer(
            sign(
                "some-other-secret-that-is-32-bytes!!",
                "c-1234567890abcdef",
                claims(now, now.plusSeconds(600), "slipstream", AuthSettings.API_AUDIENCE, sid)),
            401,
            "invalid_token"));
    bad.put(
        "right kid, wrong key",
        bearer(
            sign(
                "some-other-secret-that-is-32-bytes!!",
                kid,
                claims(now, now.plusSeconds(600), "slipstream", AuthSettings.API_AUDIENCE, sid)),
            401,
            "invalid_token"));
    bad.put(
        "wrong audience",
        bearer(
            sign(
                SECRET,
                kid,
                claims(now, now.plusSeconds(600), "slipstream", AuthSettings.PLAY_AUDIENCE, sid)),
            401,
            "invalid_token"));
    bad.put(
        "wrong issuer",
        bearer(
            sign(
                SECRET,
                kid,
                claims(now, now.plusSeconds(600), "elsewhere", AuthSettings.API_AUDIENCE, sid)),
            401,
            "invalid_token"));
    String play =
        f.read(f.post("/api/streams/" + stream + "/play-token", "{}", caster))
            .get("token")
            .asText();
    bad.put("play token", bearer(play, 401, "invalid_token"));

    long users = f.rows("users");
    long owned = f.rows("stream_access");
    int checked = 0;
    for (RouteRule route : f.gateway.routeTable()) {
      if (OPEN.contains(route.method() + " " + route.path())) {
        continue;
      }
      String path = route.path().replace("{id}", stream).replace("{session}", "0000");
      for (var entry : bad.entrySet()) {
        HttpResponse<String> response =
            call(route.method(), path, entry.getValue().authorization(), null);
        assertThat(response.statusCode())
            .as(route + " " + entry.getKey() + ": " + response.body())
            .isEqualTo(entry.getValue().status());
        f.assertProblem(response, entry.getValue().status(), entry.getValue().code());
        if (response.statusCode() == 401) {
          assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
      }
      if (!(route.access() instanceof Access.SignedIn)) {
        // Bettor routes are walked with a viewer, every other role route with a bettor.
        String wrongRole =
            route.access() instanceof Access.AnyRole r && r.roles().contains(Role.BETTOR)
                ? viewerOnly
                : bettorOnly;
        f.assertProblem(call(route.method(), path, "Bearer " + wrongRole, null), 403, "forbidden");
      }
      if (!route.method().equals("GET")) {
        f.assertProblem(call(route.method(), path, null, admin), 403, "csrf_token_missing");
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
    assertThat(f.rows("users")).isEqualTo(users);
    assertThat(f.rows("stream_access")).isEqualTo(owned);
    assertThat(f.read(f.get("/api/streams/" + stream)).get("state").asText()).isEqualTo("idle");
  }

  @Test
  void aBroadcasterManagesOnlyTheirOwnStreamsAndOperatorsManageAll() {
    String ann = f.userWith("ann@example.com", "broadcaster");
    String bob = f.userWith("bob@example.com", "broadcaster");
    String ops = f.userWith("ops@example.com", "operator");
    String viewer = f.userWith("vic@example.com");
    String anns = f.createStream("Ann's heat", ann).get("id").asText();

    f.assertProblem(f.post("/api/streams", "{\"title\":\"Mine\"}", viewer), 403, "forbidden");
    f.assertProblem(f.post("/api/streams/" + anns + "/end", "{}", bob), 403, "not_stream_owner");
    f.assertProblem(
        f.post("/api/streams/" + anns + "/publish-key", "{}", bob), 403, "not_stream_owner");
    f.assertProblem(f.post("/api/streams/" + anns + "/end", "{}", viewer), 403, "forbidden");
    assertThat(f.post("/api/streams/" + anns + "/publish-key", "{}", ann).statusCode())
        .isEqualTo(200);
    assertThat(f.post("/api/streams/" + anns + "/publish-key", "{}", ops).statusCode())
        .isEqualTo(200);
    assertThat(f.post("/api/streams/" + anns + "/end", "{}", ops).statusCode()).isEqualTo(200);
    f.assertProblem(
        f.post("/api/streams/str_nosuchstream00000/end", "{}", ops), 404, "stream_not_found");
    f.assertProblem(
        f.post("/api/streams/str_nosuchstream00000/end", "{}", ann), 403, "not_stream_owner");
    assertThat(f.get("/metrics", ops).statusCode()).isEqualTo(200);
    assertThat(f.get("/api/system", f.admin()).statusCode())
        .as("admin passes operator checks")
        .isEqualTo(200);
    f.assertProblem(f.get("/api/system", ann), 403, "forbidden");
  }

  private record Credential(String authorization, int status, String code) {}

  private static Credential bearer(String token, int status, String code) {
    return new Credential("Bearer " + token, status, code);
  }

  private HttpResponse<String> call(
      String method, String path, String authorization, String cookieToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(f.uri(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookieToken != null) {
      request.header("Cookie", "slipstream_access=" + cookieToken + "; slipstream_csrf=abc");
    }
    return f.send(request);
  }

  private static JWTClaimsSet claims(
      Instant issued, Instant expires, String issuer, String audience, String sid) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject("usr_forged0000000000")
        .jwtID("forged")
        .issueTime(Date.from(issued))
        .expirationTime(Date.from(expires))
        .claim("sid", sid)
        .claim("roles", List.of("admin"))
        .build();
  }

  private static String sign(String secret, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String unsigned(JWTClaimsSet claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  /** Makes a real token claim admin without re-signing it. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = claims.replace("\"roles\":[", "\"roles\":[\"admin\",");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
