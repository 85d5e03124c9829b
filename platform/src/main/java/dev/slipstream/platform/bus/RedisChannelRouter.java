package dev.slipstream.platform.bus;

import dev.slipstream.platform.state.SharedStateUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one Redis Pub/Sub connection among all local subscribers of the bus.
 *
 * <p>Design: Redis sees one {@code SUBSCRIBE} per channel no matter how many local handlers listen
 * on it; the router keeps the handlers per channel and calls them from Lettuce's event-loop thread,
 * so every handler must return at once (they only queue a message or unpark a thread). Joining and
 * leaving are serialised by one lock so that the first join subscribes and the last leave
 * unsubscribes exactly once; the subscribe is synchronous, so a message published after {@link
 * #register} returns reaches the new handler. Lettuce re-subscribes by itself after a reconnect;
 * messages published while disconnected are lost, as Pub/Sub promises nothing more.
 */
final class RedisChannelRouter {
  private static final Logger log = LoggerFactory.getLogger(RedisChannelRouter.class);

  private final StatefulRedisPubSubConnection<String, byte[]> connection;
  private final Map<String, List<Consumer<byte[]>>> handlers = new ConcurrentHashMap<>();
  private final ReentrantLock membership = new ReentrantLock();

  private RedisChannelRouter(StatefulRedisPubSubConnection<String, byte[]> connection) {
    this.connection = connection;
  }

  /** Creates a router that owns the listener side of {@code connection}. */
  static RedisChannelRouter on(StatefulRedisPubSubConnection<String, byte[]> connection) {
    RedisChannelRouter router = new RedisChannelRouter(connection);
    connection.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, byte[] message) {
            router.dispatch(channel, message);
          }
        });
    return router;
  }

  /**
   * Calls {@code handler} with every message on the Redis channel {@code channel} until the
   * returned action runs.
   */
  Runnable register(String channel, Consumer<byte[]> handler) {
    membership.lock();
    try {
      List<Consumer<byte[]>> list =
          handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
      list.add(handler);
      if (list.size() == 1) {
        try {
          connection.sync().subscribe(channel);
        } catch (RedisException e) {
          handlers.remove(channel);
          throw new SharedStateUnavailableException(
              "Redis event bus failed to subscribe to " + channel + ": " + e.getMessage(), e);
        }
      }
    } finally {
      membership.unlock();
    }
    return () -> unregister(channel, handler);
  }

  boolean isConnected() {
    return connection.isOpen();
  }

  private void unregister(String channel, Consumer<byte[]> handler) {
    membership.lock();
    try {
      List<Consumer<byte[]>> list = handlers.get(channel);
      if (list == null || !list.remove(handler) || !list.isEmpty()) {
        return;
      }
      handlers.remove(channel);
      try {
        connection.sync().unsubscribe(channel);
      } catch (RedisException e) {
        log.debug(
            "unsubscribing from {} failed; the connection is closing or reconnecting", channel, e);
      }
    } finally {
      membership.unlock();
    }
  }

  private void dispatch(String channel, byte[] message) {
    List<Consumer<byte[]>> list = handlers.get(channel);
    if (list == null) {
      return;
    }
    for (Consumer<byte[]> handler : list) {
      try {
        handler.accept(message);
      } catch (RuntimeException e) {
        log.warn(
            "a handler of Redis channel {} failed; the others still get the message", channel, e);
      }
    }
  }
}
