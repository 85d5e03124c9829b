package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.gateway.guard.GuardSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-address caps on open connections and live sockets, with real sockets: one over the cap is
 * answered 429 and closed, and a slot freed by a close is usable again.
 */
class ConnectionCapIT {
  private static final int CONNECTIONS = 4;
  private static final int LIVE_SOCKETS = 2;
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture =
        GatewayFixture.startWith(
            GatewayFixture.Setup.defaults()
                .withGateway(
                    s ->
                        s.withGuard(
                            GuardSettings.none()
                                .withConnectionCaps(
                                    CONNECTIONS, LIVE_SOCKETS, Duration.ofSeconds(30)))));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void theConnectionOverTheCapIsAnswered429AndClosedAndAFreedSlotIsUsable() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < CONNECTIONS; i++) {
        held.add(new Socket("127.0.0.1", fixture.gateway.port()));
      }
      // The held sockets are counted once the server has accepted them; a request on the first
      // proves the server has seen it, and those after it are accepted in order.
      assertThat(request(held.getLast(), "/api/streams")).startsWith("HTTP/1.1 200");
      try (Socket extra = new Socket("127.0.0.1", fixture.gateway.port())) {
        extra.setSoTimeout(10_000);
        String answer = new String(extra.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 429").contains("too_many_connections");
      }
      held.removeFirst().close();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                try (Socket again = new Socket("127.0.0.1", fixture.gateway.port())) {
                  assertThat(request(again, "/api/streams")).startsWith("HTTP/1.1 200");
                }
              });
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void theLiveSocketOverTheCapIsRefusedWith429() throws Exception {
    URI live = URI.create("ws://127.0.0.1:" + fixture.gateway.port() + "/api/live?format=json");
    List<WebSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < LIVE_SOCKETS; i++) {
        open.add(
            fixture
                .http
                .newWebSocketBuilder()
                .buildAsync(live, new WebSocket.Listener() {})
                .join());
      }
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () ->
                              fixture
                                  .http
                                  .newWebSocketBuilder()
                                  .buildAsync(live, new WebSocket.Listener() {})
                                  .join()
                                  .abort())
                      .isInstanceOf(CompletionException.class)
                      .cause()
                      .isInstanceOfSatisfying(
                          WebSocketHandshakeException.class,
                          e -> assertThat(e.getResponse().statusCode()).isEqualTo(429)));
      open.removeFirst().abort();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  open.add(
                      fixture
                          .http
                          .newWebSocketBuilder()
                          .buildAsync(live, new WebSocket.Listener() {})
                          .join()));
    } finally {
      open.forEach(WebSocket::abort);
    }
  }

  static String request(Socket socket, String path) throws IOException {
    socket.setSoTimeout(10_000);
    socket
        .getOutputStream()
        .write(
            ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
