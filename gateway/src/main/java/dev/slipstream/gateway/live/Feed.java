package dev.slipstream.gateway.live;

import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Subscribed;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One subscription on one socket: the next bus offset it owes the client, pulled from its {@link
 * TopicFanout} whenever it is signalled.
 *
 * <p>Exactly one thread pumps a feed at a time ({@link #pumping}); a signal that arrives while
 * another thread pumps sets {@link #dirty}, and the pumping thread goes round again before it lets
 * go, so no signal is lost and nothing is sent twice or out of order. The feed is built and primed
 * (its {@code Subscribed} sent) before any other thread can see it.
 *
 * <p>When the socket's queue is full and the topic may be conflated, the feed stops and marks
 * itself for a resync; once the queue has drained it sends {@code Subscribed{resumed=false,
 * next_sequence}} followed by the latest event of each key since the client's last one (in offset
 * order, sequences skipping what was conflated), then goes on live. A topic that may not be
 * conflated (the account feed) is always sent in full, from the bus if the ring no longer has it.
 *
 * <p>Frames are sent with {@code more} while the feed knows another one follows (the topic's head
 * is past it, or a snapshot has more), and the batch is flushed whenever a pump stops, so a socket
 * that is owed several frames gets them in one network write and none is left waiting.
 */
final class Feed {
  private static final int BUS_BATCH = 256;

  private final String subscriptionId;
  private final TopicFanout fanout;
  private final Outbox outbox;
  private final AtomicBoolean pumping = new AtomicBoolean();
  private final AtomicBoolean dirty = new AtomicBoolean();
  private volatile boolean closed;
  // Touched only by the pumping thread (or before the feed is published).
  private long next;
  private boolean resync;
  private boolean batched;

  private Feed(String subscriptionId, TopicFanout fanout, Outbox outbox, long next) {
    this.subscriptionId = subscriptionId;
    this.fanout = fanout;
    this.outbox = outbox;
    this.next = next;
  }

  /**
   * Starts a new subscription: {@code Subscribed{resumed=false}}, a snapshot of the latest event
   * per key, then live events.
   */
  static Feed fresh(String subscriptionId, TopicFanout fanout, Outbox outbox) {
    Feed feed = new Feed(subscriptionId, fanout, outbox, 1);
    feed.sendSnapshot();
    feed.flush();
    return feed;
  }

  /**
   * Continues a subscription from {@code fromSequence} exactly, when the ring or the bus still has
   * it ({@code Subscribed{resumed=true}}); otherwise starts afresh as {@link #fresh} does.
   */
  static Feed resume(String subscriptionId, TopicFanout fanout, Outbox outbox, long fromSequence) {
    long head = fanout.head();
    boolean retained =
        fromSequence >= 1
            && fromSequence <= head + 1
            && (fromSequence >= fanout.ringStart() || fanout.readFromBus(fromSequence, 1) != null);
    if (!retained) {
      return fresh(subscriptionId, fanout, outbox);
    }
    Feed feed = new Feed(subscriptionId, fanout, outbox, fromSequence);
    outbox.send(
        outbox
            .format()
            .encode(
                ServerMessage.newBuilder()
                    .setSubscribed(
                        Subscribed.newBuilder()
                            .setSubscriptionId(subscriptionId)
                            .setNextSequence(fromSequence)
                            .setResumed(true))
                    .build()));
    return feed;
  }

  String subscriptionId() {
    return subscriptionId;
  }

  TopicFanout fanout() {
    return fanout;
  }

  Outbox outbox() {
    return outbox;
  }

  /** Stops sending; events signalled later are ignored. */
  void close() {
    closed = true;
  }

  /** Sends whatever the client is owed and the queue allows; any thread may call it. */
  void signal() {
    dirty.set(true);
    while (dirty.get() && pumping.compareAndSet(false, true)) {
      try {
        dirty.set(false);
        if (!closed) {
          try {
            pump();
          } finally {
            flush();
          }
        }
      } finally {
        pumping.set(false);
      }
    }
  }

  private void pump() {
    boolean drops = fanout.kind().dropsWhenFull();
    while (next <= fanout.head()) {
      if (drops && outbox.full()) {
        resync = true;
        outbox.awaitRoom(this);
        return;
      }
      if (resync) {
        sendSnapshot();
        continue;
      }
      FanoutEvent event = fanout.at(next);
      if (event != null) {
        send(event);
        continue;
      }
      int count = (int) Math.max(1, Math.min(BUS_BATCH, fanout.ringStart() - next));
      List<FanoutEvent> older = fanout.readFromBus(next, count);
      if (older == null || older.isEmpty()) {
        // Trimmed from the bus (or a race with the ring): the client can only be brought current.
        resync = true;
        continue;
      }
      for (FanoutEvent each : older) {
        send(each);
      }
    }
  }

  private void send(FanoutEvent event) {
    if (event.payloadField().length > 0) {
      emit(event.frame(subscriptionId, outbox.format()), event.offset() < fanout.head());
    }
    next = event.offset() + 1;
  }

  private void emit(Object frame, boolean more) {
    outbox.send(frame, more);
    batched = more;
  }

  private void flush() {
    if (batched) {
      batched = false;
      outbox.flush();
    }
  }

  private void sendSnapshot() {
    long head = fanout.head();
    List<FanoutEvent> events = fanout.snapshot(next, head);
    long first = events.isEmpty() ? head + 1 : events.getFirst().offset();
    emit(
        outbox
            .format()
            .encode(
                ServerMessage.newBuilder()
                    .setSubscribed(
                        Subscribed.newBuilder()
                            .setSubscriptionId(subscriptionId)
                            .setNextSequence(first)
                            .setResumed(false))
                    .build()),
        !events.isEmpty());
    for (int i = 0; i < events.size(); i++) {
      emit(events.get(i).frame(subscriptionId, outbox.format()), i < events.size() - 1);
    }
    next = head + 1;
    resync = false;
  }
}
