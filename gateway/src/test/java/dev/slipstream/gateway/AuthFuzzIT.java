package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and malformed bodies to every auth route (and the admin and stream-access routes,
 * signed in so the body is what gets judged): every answer is a 4xx problem, never a 5xx, and no
 * account, session, token, key or stream row appears or changes.
 */
class AuthFuzzIT {
  private static final List<String> ROUTES =
      List.of(
          "/api/auth/register",
          "/api/auth/login",
          "/api/auth/refresh",
          "/api/auth/logout",
          "/api/admin/users/{user}/roles",
          "/api/streams",
          "/api/streams/{stream}/play-token");
  private static final List<String> FIELDS =
      List.of(
          "email",
          "password",
          "displayName",
          "useCookies",
          "refreshToken",
          "grant",
          "revoke",
          "title",
          "playTokenRequired",
          "",
          "__proto__");

  private GatewayFixture f;
  private final SplittableRandom random = new SplittableRandom(20261124);
  private final FuzzInputs inputs = new FuzzInputs(20261124);

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void randomAndMalformedBodiesGetFourHundredsAndChangeNothing() {
    String admin = f.admin();
    String adminId = f.read(f.get("/api/me", admin)).get("id").asText();
    String caster = f.userWith("caster@example.com", "broadcaster");
    String stream = f.createStream("Fuzzed", caster).get("id").asText();
    long[] before = snapshot();

    for (int i = 0; i < 400; i++) {
      String route =
          ROUTES
              .get(random.nextInt(ROUTES.size()))
              .replace("{user}", adminId)
              .replace("{stream}", stream);
      String body = body();
      String type = random.nextInt(10) == 0 ? "text/plain" : "application/json";
      HttpRequest.Builder request =
          HttpRequest.newBuilder(f.uri(route))
              .header("Content-Type", type)
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (route.startsWith("/api/admin") || route.startsWith("/api/streams")) {
        request.header(
            "Authorization", "Bearer " + (route.startsWith("/api/admin") ? admin : caster));
      }
      HttpResponse<String> response = f.send(request);
      boolean harmlessSuccess =
          route.endsWith("/logout") && response.statusCode() == 204
              || route.endsWith("/play-token") && response.statusCode() == 201;
      if (!harmlessSuccess) {
        assertThat(response.statusCode())
            .as(route + " " + body + " → " + response.body())
            .isBetween(400, 499);
        assertThat(f.read(response).get("code").asText()).isNotBlank();
      }
    }
    assertThat(snapshot())
        .as("users, sessions, refresh tokens, keys, streams, roles")
        .containsExactly(before);
  }

  private long[] snapshot() {
    return new long[] {
      f.rows("users"),
      f.rows("sessions"),
      f.rows("refresh_tokens"),
      f.rows("signing_keys"),
      f.rows("stream_access"),
      f.read(f.get("/api/streams")).get("items").size(),
      f.read(f.get("/api/me", f.admin())).get("roles").size()
    };
  }

  private String body() {
    return switch (random.nextInt(8)) {
      case 0 -> randomBytes();
      case 1 -> "";
      case 2 -> json(0);
      case 3 -> {
        String whole = json(0);
        yield whole.substring(0, random.nextInt(whole.length() + 1));
      }
      case 4 -> "[".repeat(random.nextInt(1, 3000));
      case 5 -> "{\"" + pick(FIELDS) + "\":\"" + "x".repeat(random.nextInt(20_000)) + "\"}";
      case 6 ->
          "{\"email\":"
              + value(1)
              + ",\"password\":"
              + value(1)
              + ",\"displayName\":"
              + value(1)
              + "}";
      default ->
          "{\"grant\":["
              + value(2)
              + "],\"revoke\":"
              + value(1)
              + ",\"refreshToken\":"
              + value(1)
              + "}";
    };
  }

  private String json(int depth) {
    StringBuilder object = new StringBuilder("{");
    int fields = random.nextInt(4);
    for (int i = 0; i < fields; i++) {
      object
          .append(i == 0 ? "" : ",")
          .append('"')
          .append(pick(FIELDS))
          .append("\":")
          .append(value(depth + 1));
    }
    return object.append('}').toString();
  }

  private String value(int depth) {
    return switch (random.nextInt(depth > 3 ? 6 : 8)) {
      case 0 -> "null";
      case 1 -> Boolean.toString(random.nextBoolean());
      case 2 -> Long.toString(random.nextLong());
      case 3 -> "1e999999";
      case 4 -> '"' + text() + '"';
      case 5 -> "\"\\u0000" + text() + "\"";
      case 6 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
      default -> json(depth + 1);
    };
  }

  private String text() {
    return inputs.text(false);
  }

  private String randomBytes() {
    return inputs.randomBytes(200);
  }

  private String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}
