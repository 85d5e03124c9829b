package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.guard.GuardSettings;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and oversized requests with real sockets: a client that starts a request and stalls
 * (slowloris) is cut off by the idle timeout; headers over the limit get 431.
 */
class SlowRequestIT {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture =
        GatewayFixture.startWith(
            GatewayFixture.Setup.defaults()
                .withGateway(
                    s ->
                        s.withGuard(
                            GuardSettings.none().withConnectionCaps(0, 0, Duration.ofSeconds(1)))));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aClientThatStartsARequestAndStallsIsCutOff() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", fixture.gateway.port())) {
      slow.setSoTimeout(20_000);
      slow.getOutputStream()
          .write(
              "GET /api/streams HTTP/1.1\r\nHost: localhost\r\nX-Slow: a"
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = slow.getInputStream();
      // The server closes the connection: the read ends (with an error answer or none at all)
      // instead of waiting for the rest of the headers forever.
      byte[] rest = in.readAllBytes();
      assertThat(new String(rest, StandardCharsets.UTF_8)).doesNotContain("200 OK");
    }
  }

  @Test
  void headersOverTheLimitGet431() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
      socket.setSoTimeout(10_000);
      String big = "x".repeat(GuardSettings.none().maxRequestHeaderBytes() + 100);
      socket
          .getOutputStream()
          .write(
              ("GET /api/streams HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 431");
    }
  }
}
