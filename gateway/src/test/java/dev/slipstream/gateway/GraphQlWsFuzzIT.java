package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Breaches of {@code graphql-transport-ws} and random frames on the GraphQL socket: each socket is
 * closed by the server with the protocol's own close code for what went wrong, never dropped
 * without one, and nothing in the database changes.
 */
class GraphQlWsFuzzIT {
  private static final Set<Integer> PROTOCOL_CODES = Set.of(4400, 4401, 4403, 4409, 4429);
  private static final String INIT = "{\"type\":\"connection_init\"}";

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
  void eachBreachOfTheProtocolClosesTheSocketWithItsCode() throws Exception {
    String stream =
        f.createStream("Fuzz", f.userWith("c@example.com", "broadcaster")).get("id").asText();
    String subscribe =
        "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription {"
            + " marketUpdates(streamId: \\\""
            + stream
            + "\\\") { sequence } }\"}}";
    assertThat(closeCode(List.of(subscribe))).as("subscribe before init").isEqualTo(4401);
    assertThat(closeCode(List.of(INIT, INIT))).as("second init").isEqualTo(4429);
    assertThat(closeCode(List.of(INIT, subscribe, subscribe))).as("id in use").isEqualTo(4409);
    assertThat(
            closeCode(
                List.of(
                    "{\"type\":\"connection_init\",\"payload\":{\"authorization\":\"Bearer x\"}}")))
        .as("bad token")
        .isEqualTo(4403);
    assertThat(closeCode(List.of(INIT, "{\"type\":\"subscribe\",\"id\":\"\"}")))
        .as("no id")
        .isEqualTo(4400);
    assertThat(closeCode(List.of("{\"type\":\"nope\"}"))).isEqualTo(4400);
    assertThat(closeCode(List.of("[1,2"))).isEqualTo(4400);
  }

  @Test
  void randomFramesAreAnsweredWithProtocolCloseCodesAndChangeNothing() throws Exception {
    Map<String, String> before = fingerprint();
    FuzzInputs fuzz = new FuzzInputs(99);
    List<String> fields = List.of("type", "id", "payload", "query", "variables");
    for (int i = 0; i < 150; i++) {
      Object frame =
          switch (fuzz.nextInt(4)) {
            case 0 -> fuzz.bytes(300);
            case 1 -> fuzz.body(fields, 70 * 1024);
            case 2 -> "{\"type\":" + fuzz.badValue() + "}";
            default ->
                "{\"type\":\"subscribe\",\"id\":"
                    + fuzz.badValue()
                    + ",\"payload\":"
                    + fuzz.object(fields)
                    + "}";
          };
      String answer = answer(List.of(INIT, frame));
      String shown = String.valueOf(frame instanceof String t ? t : "binary");
      assertThat(answer)
          .as("frame %d: %s", i, shown.length() > 200 ? shown.substring(0, 200) : shown)
          .satisfiesAnyOf(
              a -> assertThat(a).isIn(PROTOCOL_CODES.stream().map(c -> "close " + c).toList()),
              a -> assertThat(a).isEqualTo("close 1009"),
              a -> assertThat(a).isEqualTo("message error"));
    }
    assertThat(fingerprint()).isEqualTo(before);
  }

  private Map<String, String> fingerprint() {
    return DatabaseFingerprint.ofEverythingButLockouts(f.db.dataSource());
  }

  private int closeCode(List<?> frames) throws Exception {
    String answer = answer(frames);
    assertThat(answer).startsWith("close ");
    return Integer.parseInt(answer.substring("close ".length()));
  }

  /**
   * Sends {@code frames} (text, or bytes as a binary frame) on a fresh socket and returns how the
   * server answered the last: {@code "close <code>"}, or {@code "message <type>"} for a message
   * other than the acknowledgement.
   */
  private String answer(List<?> frames) throws Exception {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket socket =
        f.http
            .newWebSocketBuilder()
            .subprotocols("graphql-transport-ws")
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(
                URI.create("ws://127.0.0.1:" + f.gateway.port() + "/api/graphql"),
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      received.add(text.toString());
                      text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                    closed.complete(code);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket ws, Throwable error) {
                    closed.completeExceptionally(error);
                  }
                })
            .join();
    try {
      for (Object frame : frames) {
        if (frame instanceof byte[] binary) {
          socket.sendBinary(ByteBuffer.wrap(binary), true).join();
        } else {
          // Lone surrogates cannot go on the wire as text; the client would refuse to send them.
          String text = (String) frame;
          socket
              .sendText(
                  new String(
                      text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                      java.nio.charset.StandardCharsets.UTF_8),
                  true)
              .join();
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        if (closed.isDone()) {
          return "close " + closed.join();
        }
        String message = received.poll(50, TimeUnit.MILLISECONDS);
        if (message != null && !message.contains("\"connection_ack\"")) {
          return "message " + f.json.readTree(message).path("type").asText();
        }
      }
      throw new AssertionError("no answer within 30 s");
    } finally {
      socket.abort();
    }
  }
}
