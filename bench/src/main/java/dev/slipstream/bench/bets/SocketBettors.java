package dev.slipstream.bench.bets;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bettors on the gateway's live socket, one WebSocket each, signed in with their own access token,
 * speaking binary protobuf: a bet goes out as {@code ClientMessage{request_id, place_bet}} and is
 * answered by {@code ServerMessage{request_id, bet_result}} once the shard has made it durable.
 */
final class SocketBettors implements BetTransport {
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Bettor> sockets = new ArrayList<>();
  private final Map<String, CompletableFuture<BetResult>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong errors = new AtomicLong();

  /** Opens one socket per bettor on {@code baseUri}'s live socket. */
  SocketBettors(URI baseUri, List<BetPlatform.Bettor> bettors) {
    String ws = baseUri.toString().replaceFirst("^http", "ws");
    List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
    for (BetPlatform.Bettor bettor : bettors) {
      Bettor socket = new Bettor(bettor);
      sockets.add(socket);
      opening.add(
          client
              .newWebSocketBuilder()
              .buildAsync(URI.create(ws + "/api/live?access_token=" + bettor.accessToken()), socket)
              .thenApply(
                  opened -> {
                    socket.tail = CompletableFuture.completedFuture(opened);
                    return opened;
                  }));
    }
    CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public CompletableFuture<BetResult> place(int bettor, PlaceBet bet) {
    CompletableFuture<BetResult> result = new CompletableFuture<>();
    waiting.put(bet.getRequestId(), result);
    byte[] frame =
        ClientMessage.newBuilder()
            .setRequestId(bet.getRequestId())
            .setPlaceBet(bet)
            .build()
            .toByteArray();
    Bettor socket = sockets.get(bettor);
    synchronized (socket) {
      // A WebSocket takes one send at a time: each waits for the one before.
      socket.tail = socket.tail.thenCompose(ws -> ws.sendBinary(ByteBuffer.wrap(frame), true));
    }
    return result;
  }

  /** Answers that were not bet results (request errors), or frames that did not parse. */
  long errors() {
    return errors.get();
  }

  @Override
  public void close() {
    for (Bettor socket : sockets) {
      socket.tail.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done")).join();
    }
    client.close();
  }

  private final class Bettor implements WebSocket.Listener {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    CompletableFuture<WebSocket> tail = new CompletableFuture<>();

    Bettor(BetPlatform.Bettor bettor) {}

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      partial.writeBytes(bytes);
      if (last) {
        byte[] frame = partial.toByteArray();
        partial.reset();
        try {
          ServerMessage message = ServerMessage.parseFrom(frame);
          CompletableFuture<BetResult> result = waiting.remove(message.getRequestId());
          if (message.hasBetResult() && result != null) {
            result.complete(message.getBetResult());
          } else if (message.hasError()) {
            errors.incrementAndGet();
            if (result != null) {
              result.completeExceptionally(
                  new IllegalStateException(message.getError().getMessage()));
            }
          }
        } catch (InvalidProtocolBufferException e) {
          errors.incrementAndGet();
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      errors.incrementAndGet();
    }
  }
}
