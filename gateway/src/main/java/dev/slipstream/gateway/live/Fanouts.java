package dev.slipstream.gateway.live;

import dev.slipstream.platform.bus.EventBus;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The gateway's {@link TopicFanout}s, one per bus topic that has at least one local feed: started
 * with the first feed and closed with the last. They share the gateway's {@link FanoutShards}.
 */
final class Fanouts implements AutoCloseable {
  private static final int RING = 4_096;

  private final EventBus bus;
  private final FanoutShards shards;
  private final Map<String, TopicFanout> byTopic = new HashMap<>();

  /** Fans out {@code bus} topics, writing to the sockets from {@code shards} (closed with this). */
  Fanouts(EventBus bus, FanoutShards shards) {
    this.bus = bus;
    this.shards = shards;
  }

  /**
   * Builds a feed with {@code start} and attaches it to the topic's fan-out (started if needed),
   * then lets it catch up. Under the registry's lock, so the fan-out cannot close in between.
   */
  synchronized Feed attach(String topic, TopicKind kind, Function<TopicFanout, Feed> start) {
    TopicFanout fanout =
        byTopic.computeIfAbsent(topic, t -> TopicFanout.start(bus, t, kind, RING, shards));
    Feed feed = start.apply(fanout);
    fanout.add(feed);
    feed.signal();
    return feed;
  }

  /** Detaches a feed; the topic's fan-out closes when it was the last. */
  synchronized void detach(Feed feed) {
    feed.close();
    TopicFanout fanout = feed.fanout();
    if (fanout.remove(feed) && byTopic.remove(fanout.topic(), fanout)) {
      fanout.close();
    }
  }

  /** Topics followed now, for tests and metrics. */
  synchronized int topics() {
    return byTopic.size();
  }

  @Override
  public synchronized void close() {
    byTopic.values().forEach(TopicFanout::close);
    byTopic.clear();
    shards.close();
  }
}
