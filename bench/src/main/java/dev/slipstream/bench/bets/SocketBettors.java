package dev.slipstream.bench.bets;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bettors on the gateway's live socket, one WebSocket each, signed in with their own access token,
 * speaking binary protobuf: a bet goes out as {@code ClientMessage{request_id, place_bet}} and is
 * answered by {@code ServerMessage{request_id, bet_result}} once the shard has made it durable. The
 * sockets are {@link LeanWebSockets}: the generator's own cost per bet is one frame written and one
 * read, so the CPU goes to the server being measured.
 */
final class SocketBettors implements BetTransport {
  private final Map<String, CompletableFuture<BetResult>> waiting = new ConcurrentHashMap<>();
  private final LeanWebSockets sockets;

  /** Opens one socket per bettor on {@code baseUri}'s live socket. */
  SocketBettors(URI baseUri, List<BetPlatform.Bettor> bettors) throws IOException {
    List<String> paths = new ArrayList<>();
    for (BetPlatform.Bettor bettor : bettors) {
      paths.add("/api/live?access_token=" + bettor.accessToken());
    }
    sockets =
        new LeanWebSockets(
            new InetSocketAddress(baseUri.getHost(), baseUri.getPort()),
            paths,
            new LeanWebSockets.Listener() {
              @Override
              public void onMessage(int socket, ByteBuffer payload) {
                answered(payload);
              }

              @Override
              public void onClosed(int socket, String why) {
                System.err.println("bettor socket " + socket + " closed: " + why);
              }
            });
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
    try {
      sockets.sendBinary(bettor, frame);
    } catch (IOException e) {
      waiting.remove(bet.getRequestId());
      result.completeExceptionally(new UncheckedIOException(e));
    }
    return result;
  }

  private void answered(ByteBuffer payload) {
    try {
      ServerMessage message = ServerMessage.parseFrom(payload);
      CompletableFuture<BetResult> result = waiting.remove(message.getRequestId());
      if (message.hasBetResult() && result != null) {
        result.complete(message.getBetResult());
      } else if (message.hasError()) {
        if (result != null) {
          result.completeExceptionally(new IllegalStateException(message.getError().getMessage()));
        }
      }
    } catch (InvalidProtocolBufferException e) {
      System.err.println("a bettor socket sent a frame that is not a ServerMessage: " + e);
    }
  }

  @Override
  public void close() {
    sockets.close();
  }
}
