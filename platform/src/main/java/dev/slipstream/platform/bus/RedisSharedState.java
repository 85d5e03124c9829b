package dev.slipstream.platform.bus;

import dev.slipstream.platform.state.SharedStateUnavailableException;
import dev.slipstream.platform.state.StateStore;
import dev.slipstream.platform.state.StateStores;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store and event bus on one Redis, with the Lettuce client and the three connections
 * they use: one for state commands, one for bus commands, one for Pub/Sub. Keeping state and bus
 * commands apart means a burst of topic reads never queues ahead of a rate-limit check.
 */
final class RedisSharedState implements SharedState {
  private static final Logger log = LoggerFactory.getLogger(RedisSharedState.class);
  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final RedisClient client;
  private final List<StatefulConnection<String, byte[]>> connections;
  private final StateStore state;
  private final RedisEventBus bus;
  private final String description;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisSharedState(
      RedisClient client,
      List<StatefulConnection<String, byte[]>> connections,
      StateStore state,
      RedisEventBus bus,
      String description) {
    this.client = client;
    this.connections = connections;
    this.state = state;
    this.bus = bus;
    this.description = description;
  }

  static RedisSharedState connect(RedisSettings settings, BusLimits limits) {
    RedisClient client = RedisClient.create(settings.redisUri());
    client.setOptions(
        ClientOptions.builder()
            .socketOptions(
                SocketOptions.builder().connectTimeout(settings.commandTimeout()).build())
            .build());
    List<StatefulConnection<String, byte[]>> connections = new ArrayList<>();
    try {
      StatefulRedisConnection<String, byte[]> stateConnection = client.connect(CODEC);
      connections.add(stateConnection);
      StatefulRedisConnection<String, byte[]> busConnection = client.connect(CODEC);
      connections.add(busConnection);
      StatefulRedisPubSubConnection<String, byte[]> pubSub = client.connectPubSub(CODEC);
      connections.add(pubSub);
      String prefix = settings.keyPrefix();
      RedisEventBus bus =
          new RedisEventBus(busConnection, RedisChannelRouter.on(pubSub), prefix, limits);
      return new RedisSharedState(
          client,
          connections,
          StateStores.redis(stateConnection, prefix),
          bus,
          "Redis at " + settings.endpoint() + " with keys under " + prefix);
    } catch (RedisException e) {
      closeQuietly(client, connections);
      throw new SharedStateUnavailableException(
          "cannot connect to Redis at " + settings.endpoint() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public StateStore state() {
    return state;
  }

  @Override
  public EventBus bus() {
    return bus;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    bus.close();
    closeQuietly(client, connections);
  }

  private static void closeQuietly(
      RedisClient client, List<StatefulConnection<String, byte[]>> connections) {
    for (StatefulConnection<String, byte[]> connection : connections) {
      try {
        connection.close();
      } catch (RuntimeException e) {
        log.debug("closing a Redis connection failed", e);
      }
    }
    client.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
