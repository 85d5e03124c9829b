package dev.slipstream.gateway.live;

import static dev.slipstream.gateway.live.LiveSocketIT.frame;
import static dev.slipstream.gateway.live.LiveSocketIT.subscribe;
import static dev.slipstream.gateway.live.LiveSocketIT.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.Resume;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reconnecting client that drops its socket mid-stream, again and again, while a publisher keeps
 * appending to the bus: the connection is aborted (no close handshake) after a random number of
 * events, with frames still in flight, and the next socket resumes both subscriptions from the last
 * sequence the client processed. Across all the sockets each subscription sees every sequence
 * exactly once, in order: no gap, no duplicate.
 */
class LiveResumeIT {
  private static final int EVENTS = 1_500;
  private static final int MAX_AHEAD = 300;
  private static final String MARKETS = "stream.s-1.markets";
  private static final String ANALYTICS = "stream.s-1.analytics";

  private LiveFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aClientDroppedMidStreamManyTimesResumesEachSubscriptionWithNoGapAndNoDuplicate()
      throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Long> last = new HashMap<>(Map.of("m", 0L, "a", 0L));
    AtomicLong processed = new AtomicLong();
    Thread publisher = null;
    int sockets = 0;
    try {
      while (last.get("m") < EVENTS || last.get("a") < EVENTS) {
        try (LiveClient client = fixture.anonymous()) {
          sockets++;
          for (String id : last.keySet()) {
            client.send(sockets == 1 ? first(id) : resume(id, last.get(id) + 1));
          }
          for (int replies = 0; replies < 2; ) {
            ServerMessage message = client.next();
            if (message.hasSubscribed()) {
              replies++;
              String id = message.getSubscribed().getSubscriptionId();
              assertThat(message.getSubscribed().getResumed()).isEqualTo(sockets > 1);
              assertThat(message.getSubscribed().getNextSequence())
                  .as("socket %d, subscription %s", sockets, id)
                  .isEqualTo(last.get(id) + 1);
            } else {
              take(message, last, processed);
            }
          }
          if (publisher == null) {
            publisher = Thread.ofPlatform().name("publisher").start(() -> publish(processed));
          }
          int readThisTime = random.nextInt(20, 200);
          for (int i = 0;
              i < readThisTime && (last.get("m") < EVENTS || last.get("a") < EVENTS);
              i++) {
            take(client.next(), last, processed);
          }
          // close() aborts the connection: whatever is in flight is lost, as on a dead network.
        }
      }
    } finally {
      if (publisher != null) {
        publisher.interrupt();
        publisher.join();
      }
    }
    assertThat(last).containsEntry("m", (long) EVENTS).containsEntry("a", (long) EVENTS);
    assertThat(sockets).as("reconnections").isGreaterThan(10);
  }

  /** Checks the event is the next of its subscription and records it. */
  private static void take(ServerMessage message, Map<String, Long> last, AtomicLong processed) {
    String id = message.getSubscriptionId();
    assertThat(message.hasSubscribed()).as("no fresh start in the middle: %s", message).isFalse();
    assertThat(message.getSequence())
        .as("subscription %s after %d", id, last.get(id))
        .isEqualTo(last.get(id) + 1);
    if (id.equals("m")) {
      assertThat(message.getMarketUpdate().getPriceVersion()).isEqualTo(message.getSequence());
    } else {
      assertThat(message.getAnalyticsFrame().getFrameIndex()).isEqualTo(message.getSequence());
    }
    last.put(id, message.getSequence());
    processed.set(Math.min(last.get("m"), last.get("a")));
  }

  /**
   * Appends every event to both topics, staying at most {@value #MAX_AHEAD} ahead of what the
   * client processed, so the test is about reconnecting rather than the slow-client conflation.
   */
  private void publish(AtomicLong processed) {
    for (int i = 1; i <= EVENTS; i++) {
      while (i - processed.get() > MAX_AHEAD) {
        if (Thread.interrupted()) {
          return;
        }
        Thread.onSpinWait();
      }
      fixture.bus.append(MARKETS, update("mk" + (i % 5), i).toByteArray());
      fixture.bus.append(ANALYTICS, frame(i).toByteArray());
    }
  }

  private static ClientMessage first(String id) {
    return subscribe(
        id, id, id.equals("m") ? Topic.TOPIC_STREAM_MARKETS : Topic.TOPIC_STREAM_ANALYTICS, "s-1");
  }

  private static ClientMessage resume(String id, long from) {
    return ClientMessage.newBuilder()
        .setRequestId(id)
        .setResume(
            Resume.newBuilder()
                .setSubscriptionId(id)
                .setFromSequence(from)
                .setTopic(
                    id.equals("m") ? Topic.TOPIC_STREAM_MARKETS : Topic.TOPIC_STREAM_ANALYTICS)
                .setResourceId("s-1"))
        .build();
  }
}
