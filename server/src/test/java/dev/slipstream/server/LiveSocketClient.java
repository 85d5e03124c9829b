package dev.slipstream.server;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One signed-in client on a running server's live socket ({@code /api/live}, binary protobuf):
 * sends {@code ClientMessage}s one after another and hands every {@code ServerMessage} to a
 * listener. A dead server simply stops answering; sends to it fail quietly.
 */
final class LiveSocketClient implements AutoCloseable {
  private final HttpClient http = HttpClient.newHttpClient();
  private final Consumer<ServerMessage> listener;
  private CompletableFuture<WebSocket> tail;

  LiveSocketClient(String base, String accessToken, Consumer<ServerMessage> listener) {
    this.listener = listener;
    this.tail =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(
                URI.create(
                    base.replaceFirst("^http", "ws") + "/api/live?access_token=" + accessToken),
                new Frames());
    tail.join();
  }

  /** Queues {@code message} after the ones sent before (a WebSocket takes one send at a time). */
  synchronized void send(ClientMessage message) {
    byte[] frame = message.toByteArray();
    tail = tail.thenCompose(ws -> ws.sendBinary(ByteBuffer.wrap(frame), true));
  }

  @Override
  public void close() {
    tail.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
        .completeOnTimeout(null, 2, java.util.concurrent.TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
    http.shutdownNow();
  }

  private final class Frames implements WebSocket.Listener {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      partial.writeBytes(bytes);
      if (last) {
        byte[] frame = partial.toByteArray();
        partial.reset();
        try {
          listener.accept(ServerMessage.parseFrom(frame));
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException("the server sent a frame that is not a ServerMessage", e);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
