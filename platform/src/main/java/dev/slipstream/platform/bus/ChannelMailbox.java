package dev.slipstream.platform.bus;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded buffer between a channel's publishers and one slow-or-fast subscriber.
 *
 * <p>Design: publishers (or the Redis Pub/Sub event loop) only ever {@link #offer} without
 * blocking; when the buffer is full the oldest waiting message is dropped to make room, because for
 * fan-out data (presence, odds ticks) the newest message matters most and a publisher must never
 * wait for a subscriber. Drops are counted and logged at 1, 2, 4, 8, ... so a stuck subscriber is
 * visible without flooding the log. The subscription's {@link DeliveryLoop} drains the buffer in
 * FIFO order.
 */
final class ChannelMailbox implements DeliveryLoop.Step {
  private static final Logger log = LoggerFactory.getLogger(ChannelMailbox.class);
  private static final int DRAIN_BATCH = 256;

  private final String channel;
  private final ChannelListener listener;
  private final ArrayBlockingQueue<ChannelMessage> waiting;
  private final AtomicLong dropped = new AtomicLong();

  ChannelMailbox(String channel, ChannelListener listener, int capacity) {
    this.channel = channel;
    this.listener = listener;
    this.waiting = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues a copy of {@code payload}, dropping the oldest waiting message when full. */
  void offer(byte[] payload) {
    ChannelMessage message = new ChannelMessage(channel, payload);
    while (!waiting.offer(message)) {
      if (waiting.poll() != null) {
        long total = dropped.incrementAndGet();
        if (Long.bitCount(total) == 1) {
          log.warn(
              "a subscriber of channel {} is too slow: {} messages dropped so far", channel, total);
        }
      }
    }
  }

  @Override
  public boolean runOnce(DeliveryLoop loop) {
    boolean delivered = false;
    for (int i = 0; i < DRAIN_BATCH; i++) {
      ChannelMessage message = waiting.poll();
      if (message == null || !loop.deliver(() -> listener.onMessage(message))) {
        break;
      }
      delivered = true;
    }
    return delivered;
  }
}
