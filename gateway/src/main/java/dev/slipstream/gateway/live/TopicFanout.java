package dev.slipstream.gateway.live;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.OffsetsTrimmed;
import dev.slipstream.platform.bus.Subscription;
import dev.slipstream.platform.bus.TopicBatch;
import dev.slipstream.platform.bus.TopicEvent;
import dev.slipstream.platform.bus.TopicRead;
import dev.slipstream.platform.bus.TopicSignal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bus topic fanned out to every local subscription of it: a single bus subscription per topic
 * and gateway, however many sockets follow it.
 *
 * <p>Each event is checked and encoded once ({@link FanoutEvent}) and kept in a ring of the newest
 * {@code ringSize} events and in a map of the latest event per conflation key. Feeds never get
 * events pushed into a queue of their own: the bus thread stores the event, advances {@link #head}
 * and signals every feed, and each feed pulls what it has not yet sent from the ring (or, when it
 * is further behind, from the bus). So a socket costs no memory per pending event, and a slow one
 * can always be brought up to date from the latest-per-key map.
 *
 * <p>The bus thread does not write to the sockets itself: the feeds are split by socket into the
 * gateway's {@link FanoutShards}, and the bus thread only queues one pass per shard ({@link
 * FeedShard}), so every shard thread writes its share of the sockets at the same time.
 *
 * <p>Written by the bus delivery thread only; read by any thread. A ring slot is written before
 * {@code head} (volatile) moves past it, and readers check the slot's offset, so a reader never
 * takes a stale or overwritten slot for the one it asked for.
 */
final class TopicFanout implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TopicFanout.class);
  private static final int MAX_KEYS = 4_096;
  private static final int PRIME_BATCH = 1_000;

  private final EventBus bus;
  private final String topic;
  private final TopicKind kind;
  private final AtomicReferenceArray<@Nullable FanoutEvent> ring;
  private final int mask;
  private final Map<String, FanoutEvent> latest = new ConcurrentHashMap<>();
  private final FanoutShards shards;
  private final FeedShard[] feedShards;
  private volatile long head;
  private @Nullable Subscription subscription;

  private TopicFanout(
      EventBus bus, String topic, TopicKind kind, int ringSize, FanoutShards shards) {
    if (Integer.bitCount(ringSize) != 1) {
      throw new IllegalArgumentException("ring size must be a power of two (was " + ringSize + ")");
    }
    this.bus = bus;
    this.topic = topic;
    this.kind = kind;
    this.ring = new AtomicReferenceArray<>(ringSize);
    this.mask = ringSize - 1;
    this.shards = shards;
    this.feedShards = new FeedShard[shards.count()];
    for (int i = 0; i < feedShards.length; i++) {
      feedShards[i] = new FeedShard(shards, i);
    }
  }

  /**
   * Starts following {@code topic}: primes the ring and the latest-per-key map with the newest
   * retained events, then subscribes for the rest; its feeds are written by {@code shards}.
   */
  static TopicFanout start(
      EventBus bus, String topic, TopicKind kind, int ringSize, FanoutShards shards) {
    TopicFanout fanout = new TopicFanout(bus, topic, kind, ringSize, shards);
    long newest = bus.latestOffset(topic);
    long from = Math.max(1, newest - ringSize + 1);
    while (from <= newest) {
      TopicRead read = bus.read(topic, from, (int) Math.min(PRIME_BATCH, newest - from + 1));
      switch (read) {
        case OffsetsTrimmed trimmed -> from = trimmed.earliestOffset();
        case TopicBatch batch -> {
          if (batch.events().isEmpty()) {
            from = newest + 1;
          }
          for (TopicEvent event : batch.events()) {
            fanout.store(event);
            from = event.offset() + 1;
          }
        }
      }
    }
    fanout.head = newest;
    fanout.subscription = bus.subscribe(topic, newest + 1, fanout::onSignal);
    return fanout;
  }

  String topic() {
    return topic;
  }

  TopicKind kind() {
    return kind;
  }

  EventBus bus() {
    return bus;
  }

  /** The offset of the newest event stored, 0 before the first. */
  long head() {
    return head;
  }

  /** Returns the event at {@code offset} if the ring still holds it, else null. */
  @Nullable FanoutEvent at(long offset) {
    if (offset < 1 || offset > head) {
      return null;
    }
    FanoutEvent event = ring.get((int) (offset & mask));
    return event != null && event.offset() == offset ? event : null;
  }

  /** Returns the oldest offset the ring holds (1 more than {@link #head} when it is empty). */
  long ringStart() {
    return Math.max(1, head - mask);
  }

  /**
   * Returns, in offset order, the latest event of each key whose offset lies in {@code [from, to]}:
   * everything a subscriber that has seen up to {@code from - 1} needs to be current at {@code to}.
   */
  List<FanoutEvent> snapshot(long from, long to) {
    List<FanoutEvent> events = new ArrayList<>();
    for (FanoutEvent event : latest.values()) {
      if (event.offset() >= from && event.offset() <= to) {
        events.add(event);
      }
    }
    events.sort(Comparator.comparingLong(FanoutEvent::offset));
    return events;
  }

  /**
   * Decodes bus events for a feed that is behind the ring, from {@code from}; null when the bus has
   * trimmed them.
   */
  @Nullable List<FanoutEvent> readFromBus(long from, int maxCount) {
    TopicRead read = bus.read(topic, from, maxCount);
    if (read instanceof TopicBatch batch) {
      List<FanoutEvent> events = new ArrayList<>(batch.events().size());
      for (TopicEvent event : batch.events()) {
        FanoutEvent decoded = decode(event);
        // An event that is not the topic's message is skipped, the same way the live path does.
        events.add(decoded == null ? new FanoutEvent(event.offset(), "", new byte[0]) : decoded);
      }
      return events;
    }
    return null;
  }

  void add(Feed feed) {
    shardOf(feed).add(feed);
  }

  /** Removes a feed; returns whether no feed is left. */
  boolean remove(Feed feed) {
    shardOf(feed).remove(feed);
    return idle();
  }

  boolean idle() {
    for (FeedShard shard : feedShards) {
      if (!shard.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private FeedShard shardOf(Feed feed) {
    return feedShards[shards.shardOf(feed.outbox())];
  }

  private void onSignal(TopicSignal signal) {
    switch (signal) {
      case TopicEvent event -> {
        store(event);
        head = event.offset();
        for (FeedShard shard : feedShards) {
          shard.signal();
        }
      }
      case OffsetsTrimmed trimmed ->
          log.warn("fan-out of {} fell behind the bus; it continues from {}", topic, trimmed);
    }
  }

  private void store(TopicEvent event) {
    FanoutEvent decoded = decode(event);
    if (decoded == null) {
      decoded = new FanoutEvent(event.offset(), "", new byte[0]);
    } else {
      latest.put(decoded.key(), decoded);
      if (latest.size() > MAX_KEYS) {
        latest.values().stream()
            .min(Comparator.comparingLong(FanoutEvent::offset))
            .ifPresent(oldest -> latest.remove(oldest.key(), oldest));
      }
    }
    ring.set((int) (event.offset() & mask), decoded);
  }

  private @Nullable FanoutEvent decode(TopicEvent event) {
    try {
      return kind.event(event.offset(), event.payload());
    } catch (InvalidProtocolBufferException e) {
      log.warn("{} offset {} is not a {} event; skipped", topic, event.offset(), kind);
      return null;
    }
  }

  @Override
  public void close() {
    Subscription current = subscription;
    if (current != null) {
      current.close();
    }
  }
}
