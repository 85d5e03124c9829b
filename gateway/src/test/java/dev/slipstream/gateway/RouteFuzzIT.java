package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.RouteRule;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.http.Problem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded bad requests to every route of the gateway's route table, each sent with the
 * credentials that pass the route's access rule so that the input itself is judged: random,
 * truncated, deeply nested, oversize and wrongly typed bodies to every route that reads one, junk
 * path segments to every route with an id, junk values for every query parameter, random bytes as
 * SDP. Every answer must be a 4xx problem with a {@code code} (never a 5xx, never a dropped
 * connection), and afterwards every table of the gateway, ledger and media schemas holds exactly
 * what it held before: no account, session, stream, balance, hold, transfer, payment, limit or
 * audit line appeared or changed.
 */
class RouteFuzzIT {
  private static final long SEED = 20261124L;
  private static final int BODY_CASES_PER_ROUTE = 120;
  private static final int PATH_CASES_PER_ROUTE = 24;
  private static final int QUERY_CASES_PER_PARAM = 30;
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z]+)}");

  /** The JSON fields each body-reading route takes (the fuzz mixes them with bad values). */
  private static final Map<String, List<String>> BODY_FIELDS =
      Map.ofEntries(
          Map.entry("POST /api/auth/register", List.of("email", "password", "displayName")),
          Map.entry("POST /api/auth/login", List.of("email", "password", "useCookies")),
          Map.entry("POST /api/auth/refresh", List.of("refreshToken")),
          Map.entry("POST /api/auth/logout", List.of("refreshToken")),
          Map.entry("POST /api/graphql", List.of("query", "variables", "operationName")),
          Map.entry("POST /api/admin/users/{id}/roles", List.of("grant", "revoke")),
          Map.entry("POST /api/streams", List.of("title", "playTokenRequired")),
          Map.entry("PUT /api/streams/{id}/access", List.of("playTokenRequired")),
          Map.entry(
              "POST /api/wallet/deposits", List.of("amountMinor", "paymentMethod", "currency")),
          Map.entry(
              "POST /api/wallet/withdrawals", List.of("amountMinor", "destination", "currency")),
          Map.entry("PUT /api/account/limits", List.of("kind", "period", "amountMinor")),
          Map.entry("POST /api/account/time-out", List.of("hours")),
          Map.entry("POST /api/account/self-exclusion", List.of("days", "permanent")),
          Map.entry("DELETE /api/account", List.of("password")),
          Map.entry("POST /api/operator/withdrawals/{id}/reject", List.of("reason")),
          Map.entry(
              "POST /api/payments/webhooks/sandbox", List.of("id", "type", "paymentId", "amount")));

  /** The SDP endpoints: their bodies are SDP or trickle-ICE fragments, not JSON. */
  private static final Map<String, String> SDP_ROUTES =
      Map.of(
          "POST /api/streams/{id}/whip", "application/sdp",
          "POST /api/streams/{id}/whep", "application/sdp",
          "PATCH /api/streams/{id}/whip/{session}", "application/trickle-ice-sdpfrag",
          "PATCH /api/streams/{id}/whep/{session}", "application/trickle-ice-sdpfrag");

  /** The query parameters each route reads. */
  private static final Map<String, List<String>> QUERY_PARAMS =
      Map.of(
          "GET /api/streams", List.of("limit", "cursor"),
          "GET /api/wallet/transactions", List.of("limit", "cursor"),
          "GET /api/operator/withdrawals", List.of("state", "limit"),
          "GET /api/operator/fraud-flags", List.of("limit", "cursor"),
          "GET /api/admin/users", List.of("email"),
          "GET /api/streams/{id}/snapshot", List.of("width"));

  /** Refusing to log out with a token that is no session is not worth an error: it is gone. */
  private static final Set<String> HARMLESS_SUCCESS = Set.of("POST /api/auth/logout 204");

  private GatewayFixture f;
  private final FuzzInputs fuzz = new FuzzInputs(SEED);
  private final List<String> failures = new ArrayList<>();
  private String admin;
  private String bettor;
  private String leaver;
  private Map<String, String> knownIds;
  private String previous = "";

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void everyRouteRefusesThousandsOfBadRequestsWithFourHundredsAndChangesNothing() {
    prepare();
    Map<String, String> before = fingerprint();
    int cases = 0;
    for (RouteRule route : f.gateway.routeTable()) {
      String key = route.method() + " " + route.path();
      if (BODY_FIELDS.containsKey(key)) {
        for (int i = 0; i < BODY_CASES_PER_ROUTE; i++) {
          cases += send(route, knownPath(route), fuzz.body(BODY_FIELDS.get(key), 16 * 1024), null);
        }
      }
      if (SDP_ROUTES.containsKey(key)) {
        for (int i = 0; i < BODY_CASES_PER_ROUTE / 4; i++) {
          cases += send(route, knownPath(route), fuzz.randomBytes(2000), SDP_ROUTES.get(key));
        }
      }
      if (PATH_PARAM.matcher(route.path()).find()) {
        for (int i = 0; i < PATH_CASES_PER_ROUTE; i++) {
          cases += send(route, junkPath(route), route.method().equals("GET") ? "" : "{}", null);
        }
      }
      for (String param : QUERY_PARAMS.getOrDefault(key, List.of())) {
        for (int i = 0; i < QUERY_CASES_PER_PARAM; i++) {
          String value = fuzz.queryValue();
          if (param.equals("cursor") && value.isEmpty()) {
            value = "~"; // an empty cursor rightly means the first page
          }
          cases += send(route, knownPath(route) + "?" + param + "=" + value, "", null);
        }
      }
    }
    assertThat(failures).as("answers that were not 4xx problems").isEmpty();
    assertThat(cases).isGreaterThan(2_500);
    assertThat(fingerprint()).as("tables after %d bad requests", cases).isEqualTo(before);
  }

  /** Users in every role, a funded wallet with a withdrawal waiting for review, one stream. */
  private void prepare() {
    admin = f.admin();
    bettor = f.userWith("ann@example.com");
    leaver = f.userWith("eve@example.com");
    String caster = f.userWith("caster@example.com", "broadcaster");
    String stream = f.createStream("Fuzzed", caster).get("id").asText();
    String bettorId = f.read(f.get("/api/me", bettor)).get("id").asText();
    money(
        bettor, "/api/wallet/deposits", "{\"amountMinor\":100000,\"paymentMethod\":\"tok_visa\"}");
    f.scheduler.runAll();
    assertThat(f.post("/api/operator/users/" + bettorId + "/verify", "{}", admin).statusCode())
        .isEqualTo(200);
    HttpResponse<String> withdrawal =
        money(bettor, "/api/wallet/withdrawals", "{\"amountMinor\":60000,\"destination\":\"x\"}");
    assertThat(f.read(withdrawal).get("state").asText()).isEqualTo("in_review");
    for (String token : List.of(admin, bettor, leaver, caster)) {
      assertThat(f.get("/api/account/export", token).statusCode()).isEqualTo(200);
    }
    knownIds =
        Map.of(
            "/api/streams/", stream,
            "/api/admin/users/", bettorId,
            "/api/operator/users/", bettorId,
            "/api/operator/withdrawals/", f.read(withdrawal).get("id").asText(),
            "/api/wallet/withdrawals/", f.read(withdrawal).get("id").asText());
  }

  private HttpResponse<String> money(String token, String path, String body) {
    HttpResponse<String> response =
        f.send(
            GatewayFixture.withBearer(
                HttpRequest.newBuilder(f.uri(path))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)),
                token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response;
  }

  private Map<String, String> fingerprint() {
    return DatabaseFingerprint.ofEverythingButLockouts(f.db.dataSource());
  }

  private String knownPath(RouteRule route) {
    Matcher m = PATH_PARAM.matcher(route.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String prefix = route.path().substring(0, m.start());
      String id =
          m.group(1).equals("session")
              ? "0000"
              : knownIds.entrySet().stream()
                  .filter(e -> prefix.startsWith(e.getKey()))
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse("0");
      m.appendReplacement(path, id);
    }
    return m.appendTail(path).toString();
  }

  private String junkPath(RouteRule route) {
    Matcher m = PATH_PARAM.matcher(route.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(fuzz.pathSegment()));
    }
    return m.appendTail(path).toString();
  }

  /** Sends one bad request and records it unless the answer is a 4xx problem; returns 1. */
  private int send(RouteRule route, String path, String body, String sdpType) {
    String key = route.method() + " " + route.path();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(f.gateway.baseUri() + path))
            .method(
                route.method(),
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
    String type =
        sdpType != null
            ? sdpType
            : switch (fuzz.nextInt(16)) {
              case 0 -> "text/plain";
              case 1 -> "application/x-www-form-urlencoded";
              default -> "application/json";
            };
    request.header("Content-Type", type);
    String token = tokenFor(route);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (route.path().startsWith("/api/wallet/") && fuzz.nextInt(4) > 0) {
      request.header(
          "Idempotency-Key", fuzz.nextInt(2) == 0 ? UUID.randomUUID().toString() : headerJunk());
    }
    if (route.path().startsWith("/api/payments/webhooks/")) {
      request.header("Slipstream-Signature", "t=" + headerJunk() + ",v1=" + headerJunk());
    }
    HttpResponse<String> response;
    try {
      response = f.send(request);
    } catch (java.io.UncheckedIOException e) {
      failures.add(
          key
              + " → connection dropped for "
              + abbreviate(path)
              + " "
              + abbreviate(body)
              + ": "
              + e
              + " after "
              + previous);
      return 1;
    }
    int status = response.statusCode();
    previous = key + " " + abbreviate(path) + " " + body.length() + " bytes → " + status;
    if (HARMLESS_SUCCESS.contains(key + " " + status)) {
      return 1;
    }
    if (status == 413
        && !response.headers().firstValue("Connection").orElse("").equalsIgnoreCase("close")) {
      failures.add(key + " → 413 without Connection: close (the unread body ends the connection)");
    }
    String problem = response.headers().firstValue("Content-Type").orElse("");
    if (status < 400
        || status > 499
        || !problem.startsWith(Problem.MEDIA_TYPE)
        || !response.body().contains("\"code\"")) {
      failures.add(
          key
              + " → "
              + status
              + " for "
              + abbreviate(path)
              + " "
              + abbreviate(body)
              + ": "
              + abbreviate(response.body()));
    }
    return 1;
  }

  private String tokenFor(RouteRule route) {
    return switch (route.access()) {
      case Access.Anyone a -> null;
      case Access.PlayToken p -> null;
      case Access.PublishKey p -> "sk_" + fuzz.text(false).replaceAll("[^A-Za-z0-9]", "");
      case Access.SignedIn s -> route.method().equals("DELETE") ? leaver : bettor;
      case Access.AnyRole r -> r.roles().contains(Role.BETTOR) ? bettor : admin;
      case Access.StreamManager m -> admin;
    };
  }

  /** Junk that an HTTP client can still put in a header (visible ASCII). */
  private String headerJunk() {
    return fuzz.randomBytes(60).replaceAll("[^\\x21-\\x7e]", "");
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + ")";
  }
}
