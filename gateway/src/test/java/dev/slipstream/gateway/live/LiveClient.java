package dev.slipstream.gateway.live;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real live-socket client on the JDK's WebSocket: collects the server's messages (binary or JSON)
 * in arrival order. A {@link #paused} client stops asking for frames, so the server sees a socket
 * that does not read.
 */
final class LiveClient implements AutoCloseable {
  final WebSocket socket;
  final LinkedBlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
  final AtomicInteger closedWith = new AtomicInteger(-1);
  private final Listener listener;

  private LiveClient(WebSocket socket, Listener listener) {
    this.socket = socket;
    this.listener = listener;
  }

  static LiveClient open(HttpClient http, URI uri, Map<String, String> headers, boolean paused) {
    Listener listener = new Listener(paused);
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    headers.forEach(
        (name, value) -> {
          if (name.equals("Sec-WebSocket-Protocol")) {
            builder.subprotocols(value);
          } else {
            builder.header(name, value);
          }
        });
    WebSocket socket = builder.buildAsync(uri, listener).join();
    LiveClient client = new LiveClient(socket, listener);
    listener.client = client;
    return client;
  }

  void send(ClientMessage message) {
    socket.sendBinary(ByteBuffer.wrap(message.toByteArray()), true).join();
  }

  void sendJson(ClientMessage message) throws InvalidProtocolBufferException {
    socket.sendText(JsonFormat.printer().print(message), true).join();
  }

  void sendRaw(byte[] frame) {
    socket.sendBinary(ByteBuffer.wrap(frame), true).join();
  }

  void sendRaw(String frame) {
    socket.sendText(frame, true).join();
  }

  /** Returns the next message within 5 s, or fails. */
  ServerMessage next() throws InterruptedException {
    ServerMessage message = received.poll(5, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message from the server within 5 s");
    }
    return message;
  }

  /** Returns the next {@code count} messages. */
  List<ServerMessage> next(int count) throws InterruptedException {
    List<ServerMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(next());
    }
    return messages;
  }

  /** Starts reading again after {@link #open} with {@code paused}. */
  void resumeReading() {
    listener.paused = false;
    socket.request(Long.MAX_VALUE / 2);
  }

  @Override
  public void close() {
    socket.abort();
  }

  private static final class Listener implements WebSocket.Listener {
    volatile boolean paused;
    volatile LiveClient client;
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();

    Listener(boolean paused) {
      this.paused = paused;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      if (!paused) {
        webSocket.request(Long.MAX_VALUE / 2);
      }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        try {
          client.received.add(ServerMessage.parseFrom(binary.toByteArray()));
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError("the server sent a frame that is not a ServerMessage", e);
        }
        binary.reset();
      }
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        ServerMessage.Builder message = ServerMessage.newBuilder();
        try {
          JsonFormat.parser().merge(text.toString(), message);
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError("the server sent JSON that is not a ServerMessage: " + text, e);
        }
        client.received.add(message.build());
        text.setLength(0);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      client.closedWith.set(statusCode);
      return null;
    }
  }
}
