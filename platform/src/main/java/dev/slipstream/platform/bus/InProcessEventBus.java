package dev.slipstream.platform.bus;

import dev.slipstream.platform.Health;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event bus of a single JVM: a {@link BoundedTopicLog} per topic and a set of {@link
 * ChannelMailbox}es per channel.
 *
 * <p>Design: appenders and publishers never wait for listeners. Appending stores the event under
 * its topic's lock and wakes the topic's followers; publishing drops a copy into each subscriber's
 * bounded mailbox. Every subscription runs its own {@link DeliveryLoop} thread that pulls from
 * there. Channel membership changes go through {@code ConcurrentHashMap.compute}, so a subscriber
 * that joins while the last one leaves never lands in a set that was just removed from the map.
 * Topics are created on first use and kept for the life of the bus; each holds at most {@link
 * BusLimits#maxEntriesOf(String)} events.
 */
final class InProcessEventBus implements EventBus, AutoCloseable {
  // Wake-ups in one JVM are never lost, so the idle poll is only a backstop.
  private static final Duration IDLE_POLL = Duration.ofSeconds(30);

  private final BusLimits limits;
  private final ConcurrentHashMap<String, BoundedTopicLog> topics = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<Route>> channels = new ConcurrentHashMap<>();
  private final Set<DeliveryLoop> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** A channel subscriber: where to put messages and whom to wake. */
  private record Route(ChannelMailbox mailbox, DeliveryLoop loop) {}

  InProcessEventBus(BusLimits limits) {
    this.limits = limits;
  }

  @Override
  public long append(String topic, byte[] payload) {
    BusArguments.requireName("topic", topic);
    byte[] copy = BusArguments.requirePayload(payload).clone();
    requireOpen();
    return log(topic).append(copy);
  }

  @Override
  public TopicRead read(String topic, long fromOffset, int maxCount) {
    BusArguments.requireName("topic", topic);
    BusArguments.requireOffset(fromOffset);
    BusArguments.requireMaxCount(maxCount);
    requireOpen();
    BoundedTopicLog log = topics.get(topic);
    return log == null ? TopicBatch.empty() : log.read(fromOffset, maxCount);
  }

  @Override
  public long latestOffset(String topic) {
    BusArguments.requireName("topic", topic);
    requireOpen();
    BoundedTopicLog log = topics.get(topic);
    return log == null ? 0 : log.latestOffset();
  }

  @Override
  public Subscription subscribe(String topic, long fromOffset, TopicListener listener) {
    BusArguments.requireName("topic", topic);
    BusArguments.requireOffset(fromOffset);
    BusArguments.requireListener(listener);
    requireOpen();
    BoundedTopicLog log = log(topic);
    DeliveryLoop loop =
        new DeliveryLoop(
            "topic " + topic, IDLE_POLL, new TopicFollower(fromOffset, log::read, listener));
    log.addFollower(loop);
    subscriptions.add(loop);
    loop.start(
        () -> {
          log.removeFollower(loop);
          subscriptions.remove(loop);
        });
    return loop;
  }

  @Override
  public void publish(String channel, byte[] payload) {
    BusArguments.requireName("channel", channel);
    BusArguments.requirePayload(payload);
    requireOpen();
    Set<Route> routes = channels.get(channel);
    if (routes == null) {
      return;
    }
    for (Route route : routes) {
      route.mailbox().offer(payload);
      route.loop().wake();
    }
  }

  @Override
  public Subscription subscribe(String channel, ChannelListener listener) {
    BusArguments.requireName("channel", channel);
    BusArguments.requireListener(listener);
    requireOpen();
    ChannelMailbox mailbox =
        new ChannelMailbox(channel, listener, limits.channelBufferPerSubscriber());
    DeliveryLoop loop = new DeliveryLoop("channel " + channel, IDLE_POLL, mailbox);
    Route route = new Route(mailbox, loop);
    channels.compute(
        channel,
        (name, routes) -> {
          Set<Route> joined = routes == null ? ConcurrentHashMap.newKeySet() : routes;
          joined.add(route);
          return joined;
        });
    subscriptions.add(loop);
    loop.start(
        () -> {
          channels.computeIfPresent(
              channel,
              (name, routes) -> {
                routes.remove(route);
                return routes.isEmpty() ? null : routes;
              });
          subscriptions.remove(loop);
        });
    return loop;
  }

  @Override
  public Health health() {
    if (closed) {
      return Health.down("in-process event bus is closed");
    }
    return Health.up(
        "in-process event bus with "
            + topics.size()
            + " topics and "
            + subscriptions.size()
            + " open subscriptions");
  }

  /** Stops every subscription; later calls are refused. */
  @Override
  public void close() {
    closed = true;
    for (DeliveryLoop loop : subscriptions) {
      loop.close();
    }
  }

  private BoundedTopicLog log(String topic) {
    return topics.computeIfAbsent(
        topic, name -> new BoundedTopicLog(name, limits.maxEntriesOf(name)));
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the event bus is closed");
    }
  }
}
