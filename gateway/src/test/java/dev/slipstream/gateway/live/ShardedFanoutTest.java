package dev.slipstream.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.ServerMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A topic fanned out from several shard threads: every socket gets every update once and in order
 * with the bus offset as sequence, sockets naming their subscription alike share one encoded frame,
 * and a socket that stops reading is conflated while the others are not.
 */
class ShardedFanoutTest {
  private static final String TOPIC = "stream.s-1.markets";

  @Test
  void everySocketGetsEveryUpdateInOrderFromTheShardThreads() throws Exception {
    try (SharedState shared = SharedState.inProcess();
        Fanouts fanouts = new Fanouts(shared.bus(), new FanoutShards(3))) {
      List<RecordingSink> sinks = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RecordingSink sink = new RecordingSink();
        sinks.add(sink);
        Outbox outbox = new Outbox(sink, WireFormat.PROTOBUF, 1_024);
        fanouts.attach(TOPIC, TopicKind.MARKETS, f -> Feed.fresh("m", f, outbox));
      }
      for (int i = 1; i <= 300; i++) {
        shared.bus().append(TOPIC, update("mkt-" + (i % 5), i).toByteArray());
      }
      await(() -> sinks.stream().allMatch(s -> s.frames().size() == 301));
      for (RecordingSink sink : sinks) {
        assertThat(sink.leftUnflushed()).as("a batched frame left waiting").isFalse();
        List<ServerMessage> messages = decode(sink.frames());
        assertThat(messages.getFirst().getSubscribed().getNextSequence()).isEqualTo(1);
        for (int i = 1; i <= 300; i++) {
          ServerMessage message = messages.get(i);
          assertThat(message.getSubscriptionId()).isEqualTo("m");
          assertThat(message.getSequence()).isEqualTo(i);
          assertThat(message.getMarketUpdate().getPriceVersion()).isEqualTo(i);
        }
      }
    }
  }

  @Test
  void socketsNamingTheirSubscriptionAlikeShareOneEncodedFrame() throws Exception {
    FanoutEvent event = TopicKind.MARKETS.event(7, update("mkt-1", 7).toByteArray());
    Object first = event.frame("m", WireFormat.PROTOBUF);
    assertThat(event.frame("m", WireFormat.PROTOBUF)).isSameAs(first);
    Object other = event.frame("other", WireFormat.PROTOBUF);
    assertThat(other).isNotSameAs(first);
    ServerMessage decoded = decode(List.of(((ByteBuffer) other).duplicate())).getFirst();
    assertThat(decoded.getSubscriptionId()).isEqualTo("other");
    assertThat(decoded.getSequence()).isEqualTo(7);
    assertThat(decoded.getMarketUpdate().getPriceVersion()).isEqualTo(7);
    assertThat(((ByteBuffer) first).isReadOnly()).isTrue();
    assertThat((String) event.frame("m", WireFormat.JSON)).contains("\"subscriptionId\":\"m\"");
  }

  @Test
  void aSocketThatStopsReadingIsConflatedWhileTheOthersGetEveryUpdate() throws Exception {
    try (SharedState shared = SharedState.inProcess();
        Fanouts fanouts = new Fanouts(shared.bus(), new FanoutShards(2))) {
      RecordingSink slow = new RecordingSink();
      slow.stalled = true;
      RecordingSink fast = new RecordingSink();
      fanouts.attach(
          TOPIC,
          TopicKind.MARKETS,
          f -> Feed.fresh("m", f, new Outbox(slow, WireFormat.PROTOBUF, 8)));
      fanouts.attach(
          TOPIC,
          TopicKind.MARKETS,
          f -> Feed.fresh("m", f, new Outbox(fast, WireFormat.PROTOBUF, 8)));
      for (int i = 1; i <= 100; i++) {
        shared.bus().append(TOPIC, update("mkt-" + (i % 3), i).toByteArray());
      }
      await(() -> fast.frames().size() == 101 && slow.frames().size() == 8);
      Thread.sleep(100);
      assertThat(slow.frames()).as("nothing past the bound while stalled").hasSize(8);
      slow.drain();
      await(
          () ->
              decode(slow.frames()).getLast().getSequence() == 100
                  && decode(slow.frames()).getLast().hasMarketUpdate());
      assertThat(slow.leftUnflushed()).isFalse();
      assertThat(fast.leftUnflushed()).isFalse();
      List<ServerMessage> messages = decode(slow.frames());
      ServerMessage resync = messages.get(8);
      assertThat(resync.getSubscribed().getResumed()).isFalse();
      // The snapshot: the latest update of each of the three markets, in offset order.
      assertThat(messages.subList(9, messages.size()))
          .extracting(ServerMessage::getSequence)
          .containsExactly(98L, 99L, 100L);
    }
  }

  private static MarketUpdate update(String marketId, long version) {
    return MarketUpdate.newBuilder()
        .setMarketId(marketId)
        .setStreamId("s-1")
        .setPriceVersion(version)
        .build();
  }

  private static List<ServerMessage> decode(List<ByteBuffer> frames) {
    List<ServerMessage> messages = new ArrayList<>();
    for (ByteBuffer frame : frames) {
      try {
        messages.add(ServerMessage.parseFrom(frame.duplicate()));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a frame is not a ServerMessage", e);
      }
    }
    return messages;
  }

  private static void await(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
