package dev.slipstream.platform.bus;

import dev.slipstream.platform.Health;

/**
 * Carries events between the parts of Slipstream, within one JVM or across nodes. Payloads are
 * opaque bytes (in practice protobuf messages from the {@code wire} module).
 *
 * <p><b>Topics</b> are ordered logs, typically one per stream or market. {@link #append} gives each
 * event the next dense offset of its topic (1, 2, 3, ...), {@link #read} replays from an offset,
 * and {@link #subscribe(String, long, TopicListener)} delivers replay and then live events strictly
 * in offset order, without gaps or duplicates. Each topic keeps only its newest {@link
 * BusLimits#maxEntriesOf(String)} events; asking for an older offset yields {@link OffsetsTrimmed}
 * rather than silently skipping.
 *
 * <p><b>Channels</b> fan a message out to whoever is subscribed at that moment, with no replay:
 * presence pings, cache invalidations, WebSocket fan-out across gateway nodes.
 *
 * <p>Every subscription is delivered on its own thread, so a listener that is slow or throws never
 * blocks appenders, publishers or other subscribers. A slow topic subscriber just falls behind; if
 * the topic trims events it has not seen yet, it receives {@link OffsetsTrimmed} and continues from
 * the earliest retained offset. A slow channel subscriber has a buffer of {@link
 * BusLimits#channelBufferPerSubscriber()} messages; beyond that its oldest buffered messages are
 * dropped and the drops logged. A listener that throws has the exception logged and receives the
 * next event as usual.
 *
 * <p>Topic and channel names are 1 to 200 letters, digits or {@code . _ : -}; bad arguments are
 * refused with an {@link IllegalArgumentException} that names them. When the backing store cannot
 * be reached a call throws {@link dev.slipstream.platform.state.SharedStateUnavailableException};
 * subscriptions keep retrying on their own.
 */
public interface EventBus {

  /**
   * Appends {@code payload} to {@code topic} and returns its offset: one more than the topic's
   * previous offset, starting at 1.
   */
  long append(String topic, byte[] payload);

  /**
   * Reads up to {@code maxCount} events of {@code topic} starting at {@code fromOffset}.
   *
   * @param fromOffset the first offset wanted, at least 1; beyond the newest offset the batch is
   *     empty
   * @param maxCount how many events at most, 1 to 10,000
   * @return the events in offset order, or {@link OffsetsTrimmed} when {@code fromOffset} is older
   *     than the topic retains
   */
  TopicRead read(String topic, long fromOffset, int maxCount);

  /** Returns the offset of the newest event of {@code topic}, or 0 when nothing was appended. */
  long latestOffset(String topic);

  /**
   * Delivers the events of {@code topic} from {@code fromOffset} onwards to {@code listener}: first
   * the retained ones, then each new one as it is appended, strictly in offset order. To receive
   * only new events, start at {@code latestOffset(topic) + 1}.
   *
   * @param fromOffset the first offset to deliver, at least 1; it may lie in the future
   * @return the subscription; closing it stops delivery
   */
  Subscription subscribe(String topic, long fromOffset, TopicListener listener);

  /** Sends {@code payload} to every current subscriber of {@code channel}, on every node. */
  void publish(String channel, byte[] payload);

  /**
   * Delivers every message published on {@code channel} from now on to {@code listener}; messages
   * published before this method returns may or may not be delivered, earlier ones never are.
   *
   * @return the subscription; closing it stops delivery
   */
  Subscription subscribe(String channel, ChannelListener listener);

  /** Checks that the bus can carry events right now, for {@code /healthz}. */
  Health health();
}
