package dev.slipstream.gateway.graphql;

import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.OffsetsTrimmed;
import dev.slipstream.platform.bus.Subscription;
import dev.slipstream.platform.bus.TopicEvent;
import dev.slipstream.platform.bus.TopicSignal;
import java.util.ArrayDeque;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * A bus topic as a Reactive Streams publisher, for GraphQL subscriptions: each subscriber gets its
 * own bus subscription from the offset {@code from} gives at subscribe time, events in offset
 * order, at most {@value #BUFFER} waiting beyond its demand (more fails it: a subscriber that does
 * not keep up is told so instead of buffering without bound), and an error when the bus has already
 * trimmed events it asked for (a gap it would not see otherwise).
 */
final class TopicPublisher<T> implements Publisher<T> {
  private static final int BUFFER = 1_024;

  private final EventBus bus;
  private final String topic;
  private final LongSupplier from;
  private final Function<TopicEvent, @Nullable T> map;

  TopicPublisher(
      EventBus bus, String topic, LongSupplier from, Function<TopicEvent, @Nullable T> map) {
    this.bus = bus;
    this.topic = topic;
    this.from = from;
    this.map = map;
  }

  @Override
  public void subscribe(Subscriber<? super T> subscriber) {
    Delivery<T> delivery = new Delivery<>(subscriber, map);
    subscriber.onSubscribe(delivery);
    delivery.attach(bus.subscribe(topic, Math.max(1, from.getAsLong()), delivery::onSignal));
  }

  private static final class Delivery<T> implements org.reactivestreams.Subscription {
    private final Subscriber<? super T> subscriber;
    private final Function<TopicEvent, @Nullable T> map;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private long demand;
    private boolean done;
    private @Nullable Subscription bus;

    Delivery(Subscriber<? super T> subscriber, Function<TopicEvent, @Nullable T> map) {
      this.subscriber = subscriber;
      this.map = map;
    }

    synchronized void attach(Subscription subscription) {
      if (done) {
        subscription.close();
      } else {
        bus = subscription;
      }
    }

    void onSignal(TopicSignal signal) {
      switch (signal) {
        case OffsetsTrimmed trimmed ->
            fail(
                new IllegalStateException(
                    "the bus no longer holds "
                        + trimmed.lostCount()
                        + " of the updates asked for (from "
                        + trimmed.requestedOffset()
                        + "); subscribe again without fromSequence"));
        case TopicEvent event -> {
          T item = map.apply(event);
          if (item != null) {
            offer(item);
          }
        }
      }
    }

    private synchronized void offer(T item) {
      if (done) {
        return;
      }
      if (waiting.size() >= BUFFER) {
        fail(new IllegalStateException("the subscriber fell more than " + BUFFER + " behind"));
        return;
      }
      waiting.add(item);
      drain();
    }

    @Override
    public synchronized void request(long n) {
      if (n <= 0) {
        fail(new IllegalArgumentException("request " + n + " (rule 3.9)"));
        return;
      }
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      drain();
    }

    private void drain() {
      while (!done && demand > 0 && !waiting.isEmpty()) {
        demand--;
        subscriber.onNext(waiting.poll());
      }
    }

    private void fail(Throwable error) {
      boolean first;
      synchronized (this) {
        first = !done;
      }
      if (first) {
        cancel();
        subscriber.onError(error);
      }
    }

    @Override
    public void cancel() {
      Subscription closing;
      synchronized (this) {
        done = true;
        waiting.clear();
        closing = bus;
        bus = null;
      }
      // Outside the lock: closing waits for a delivery in progress, which may need the lock.
      if (closing != null) {
        closing.close();
      }
    }
  }
}
