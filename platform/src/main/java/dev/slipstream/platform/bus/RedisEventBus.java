package dev.slipstream.platform.bus;

import dev.slipstream.platform.Health;
import dev.slipstream.platform.state.SharedStateUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event bus on Redis: topics on Redis Streams ({@link RedisTopics}), channels on Pub/Sub
 * ({@link RedisChannelRouter}).
 *
 * <p>Design: every subscription runs a {@link DeliveryLoop} that pulls with short, non-blocking
 * commands on the shared command connection, so subscriptions cost no Redis connection of their own
 * and no blocking {@code XREAD} ties one up. A topic follower is woken by the Pub/Sub message that
 * the append script publishes; since Pub/Sub may lose messages while reconnecting, the follower
 * also polls once per {@link #IDLE_POLL} when idle. The follower registers for wake-ups before its
 * first read, so an append between that read and its park still wakes it. Channel messages arrive
 * on the Pub/Sub connection and are queued per subscriber in a bounded {@link ChannelMailbox},
 * never handled on Lettuce's event loop.
 *
 * <p>The bus does not own the connections; whoever built it closes them after {@link #close()}.
 */
final class RedisEventBus implements EventBus, AutoCloseable {
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final StatefulRedisConnection<String, byte[]> commands;
  private final RedisChannelRouter router;
  private final RedisTopics topics;
  private final BusLimits limits;
  private final String keyPrefix;
  private final Set<DeliveryLoop> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  RedisEventBus(
      StatefulRedisConnection<String, byte[]> commands,
      RedisChannelRouter router,
      String keyPrefix,
      BusLimits limits) {
    this.commands = commands;
    this.router = router;
    this.keyPrefix = keyPrefix;
    this.limits = limits;
    this.topics = new RedisTopics(commands, keyPrefix, limits);
  }

  @Override
  public long append(String topic, byte[] payload) {
    BusArguments.requireName("topic", topic);
    BusArguments.requirePayload(payload);
    requireOpen();
    return topics.append(topic, payload);
  }

  @Override
  public TopicRead read(String topic, long fromOffset, int maxCount) {
    BusArguments.requireName("topic", topic);
    BusArguments.requireOffset(fromOffset);
    BusArguments.requireMaxCount(maxCount);
    requireOpen();
    return topics.read(topic, fromOffset, maxCount);
  }

  @Override
  public long latestOffset(String topic) {
    BusArguments.requireName("topic", topic);
    requireOpen();
    return topics.latestOffset(topic);
  }

  @Override
  public Subscription subscribe(String topic, long fromOffset, TopicListener listener) {
    BusArguments.requireName("topic", topic);
    BusArguments.requireOffset(fromOffset);
    BusArguments.requireListener(listener);
    requireOpen();
    TopicFollower follower =
        new TopicFollower(fromOffset, (from, max) -> topics.read(topic, from, max), listener);
    DeliveryLoop loop = new DeliveryLoop("topic " + topic, IDLE_POLL, follower);
    Runnable unregister = router.register(topics.appendedChannel(topic), offset -> loop.wake());
    return started(loop, unregister);
  }

  @Override
  public void publish(String channel, byte[] payload) {
    BusArguments.requireName("channel", channel);
    BusArguments.requirePayload(payload);
    requireOpen();
    try {
      commands.sync().publish(channelKey(channel), payload);
    } catch (RedisException e) {
      throw new SharedStateUnavailableException(
          "Redis event bus failed to publish on " + channel + ": " + e.getMessage(), e);
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
    Runnable unregister =
        router.register(
            channelKey(channel),
            payload -> {
              mailbox.offer(payload);
              loop.wake();
            });
    return started(loop, unregister);
  }

  @Override
  public Health health() {
    if (closed) {
      return Health.down("Redis event bus is closed");
    }
    if (!commands.isOpen() || !router.isConnected()) {
      return Health.down("Redis event bus is disconnected and reconnecting");
    }
    long start = System.nanoTime();
    try {
      String answer = commands.sync().ping();
      double millis = (System.nanoTime() - start) / 1e6;
      return Health.up(
          String.format(
              "Redis event bus answered PING with %s in %.1f ms; %d open subscriptions",
              answer, millis, subscriptions.size()));
    } catch (RedisException e) {
      return Health.down("Redis event bus did not answer PING: " + e.getMessage());
    }
  }

  /** Stops every subscription; later calls are refused. The connections stay open. */
  @Override
  public void close() {
    closed = true;
    for (DeliveryLoop loop : subscriptions) {
      loop.close();
    }
  }

  private Subscription started(DeliveryLoop loop, Runnable unregister) {
    subscriptions.add(loop);
    loop.start(
        () -> {
          unregister.run();
          subscriptions.remove(loop);
        });
    return loop;
  }

  private String channelKey(String channel) {
    return keyPrefix + "channel:" + channel;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the event bus is closed");
    }
  }
}
