package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.auth.AuthSettings.PasswordCost;
import dev.slipstream.gateway.guard.GuardSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request refused before its body is read (wrong content type, too large) still gets its problem
 * document: the gateway reads the leftover body before answering, so the connection is not reset
 * under the client while the answer is on its way. Sent over raw sockets, each body written in full
 * before the answer is read, as a simple client does.
 */
class RefusedBodiesIT {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    // The production minimum body rate (256 B/s): a small body read by a slow handler (a login
    // hashing its password) is, averaged over the request, slower than that; the drain must not
    // read such a finished body again and have Jetty fail the answered request.
    fixture =
        GatewayFixture.startWith(
            new GatewayFixture.Setup(
                    auth -> auth.withPasswordCost(new PasswordCost(64 * 1024, 4, 1)),
                    List.of(),
                    true)
                .withGateway(
                    g ->
                        g.withGuard(
                            new GuardSettings(
                                null, null, null, 0, 0, Duration.ofSeconds(30), 256, 8_192))));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void refusalsDecidedBeforeTheBodyReachTheClientInsteadOfAReset() throws Exception {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(statusLine("POST", "/api/auth/login", "text/plain", 16_000));
      answers.add(statusLine("POST", "/api/graphql", "application/json", 16_800));
    }
    assertThat(answers)
        .filteredOn(a -> a.startsWith("POST /api/auth/login"))
        .allSatisfy(a -> assertThat(a).contains("HTTP/1.1 415"));
    assertThat(answers)
        .filteredOn(a -> a.startsWith("POST /api/graphql"))
        .allSatisfy(a -> assertThat(a).contains("HTTP/1.1 413"));
  }

  @Test
  void aSmallBodyReadByASlowHandlerIsAnsweredNormally() {
    fixture.register("slow-handler@example.com");
    for (int i = 0; i < 5; i++) {
      // login(...) asserts a 200: the password check takes longer than 60 bytes at 256 B/s.
      assertThat(fixture.login("slow-handler@example.com").get("accessToken").asText())
          .isNotBlank();
    }
  }

  /** Sends one request with a body of {@code bytes} and returns what came back, or the error. */
  private static String statusLine(String method, String path, String type, int bytes)
      throws IOException {
    URI base = fixture.uri("/");
    byte[] body = ("{\"x\":\"" + "x".repeat(bytes) + "\"}").getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + "\r\nContent-Type: "
              + type
              + "\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      // The headers first and the body a moment later, as HTTP clients often send them: the
      // refusal is decided before the body has arrived.
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(30);
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      String text = answer.toString(StandardCharsets.UTF_8);
      return method + " " + path + " → " + text.lines().findFirst().orElse("(nothing)");
    } catch (IOException | InterruptedException e) {
      return method + " " + path + " → " + e;
    }
  }
}
