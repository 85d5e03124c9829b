package dev.slipstream.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Signs in to a running server the way an API client does: the admin (whose email the server was
 * started with, {@code --admin-email=}{@value #ADMIN_EMAIL}) registers and signs in, and grants a
 * broadcaster their role. Registering an email that exists already is fine, so a restarted server
 * finds the same accounts.
 */
final class ApiAccounts {
  static final String ADMIN_EMAIL = "admin@example.com";
  static final String ADMIN_FLAG = "--admin-email=" + ADMIN_EMAIL;
  static final String PASSWORD = "Tartan-Hurdles-42";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;

  ApiAccounts(String base) {
    this.base = base;
  }

  /** Returns an access token of the admin (who passes operator and broadcaster checks too). */
  String admin() throws IOException, InterruptedException {
    return signIn(ADMIN_EMAIL);
  }

  /** Returns an access token of {@code email}, made a broadcaster by the admin. */
  String broadcaster(String email) throws IOException, InterruptedException {
    String admin = admin();
    register(email);
    String id = get("/api/admin/users?email=" + email, admin).get("id").asText();
    post("/api/admin/users/" + id + "/roles", "{\"grant\":[\"broadcaster\"]}", admin);
    return signIn(email);
  }

  /** Creates a stream as {@code token}'s user and returns the answer (with its publish key). */
  JsonNode createStream(String title, String token) throws IOException, InterruptedException {
    return post("/api/streams", "{\"title\":\"" + title + "\"}", token);
  }

  private String signIn(String email) throws IOException, InterruptedException {
    register(email);
    return post(
            "/api/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
            null)
        .get("accessToken")
        .asText();
  }

  private void register(String email) throws IOException, InterruptedException {
    send(
        "/api/auth/register",
        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Test\"}",
        null);
  }

  private JsonNode get(String path, String token) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return checked(path, response);
  }

  private JsonNode post(String path, String body, String token)
      throws IOException, InterruptedException {
    return checked(path, send(path, body, token));
  }

  private HttpResponse<String> send(String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode checked(String path, HttpResponse<String> response) throws IOException {
    if (response.statusCode() >= 300) {
      throw new AssertionError(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }
}
