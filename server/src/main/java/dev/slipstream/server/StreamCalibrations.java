package dev.slipstream.server;

import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.Subscription;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.view.StoredView;
import dev.slipstream.vision.view.StreamView;
import dev.slipstream.vision.view.StreamViews;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which streams the vision pipeline can measure: each stream's calibration (image → ground metres)
 * and zones, kept in PostgreSQL ({@link StreamViews}) and cached here. Every change made through
 * this node (the API's {@code PUT/DELETE /api/streams/{id}/calibration}) is announced on the bus's
 * {@value #CHANNEL} channel, so every node drops its cached copy and restarts the stream's pipeline
 * with the new view, wherever the stream's vision runs. Streams without a view are left alone
 * (speeds without a calibration would be numbers without meaning).
 */
final class StreamCalibrations implements StreamViews, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamCalibrations.class);

  /** The bus channel naming a stream whose view just changed. */
  static final String CHANNEL = "vision.views.changed";

  /** A stream's view of the ground, as the pipeline uses it. */
  record View(Homography calibration, List<Zone> zones) {}

  private final StreamViews store;
  private final EventBus bus;
  private final Map<String, Optional<View>> cache = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Subscription changes;

  StreamCalibrations(StreamViews store, EventBus bus) {
    this.store = store;
    this.bus = bus;
    this.changes =
        bus.subscribe(
            CHANNEL, message -> changed(new String(message.payload(), StandardCharsets.UTF_8)));
  }

  /** Calls {@code listener} with a stream's id after its view changed (on the bus's thread). */
  void onChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** Returns the stream's calibration and zones, if it has them. */
  Optional<View> of(String streamId) {
    return cache.computeIfAbsent(
        streamId, id -> store.find(id).map(s -> new View(s.view().homography(), s.view().zones())));
  }

  @Override
  public Optional<StoredView> find(String streamId) {
    return store.find(streamId);
  }

  @Override
  public StoredView put(
      String streamId, StreamView view, OptionalLong expectedRevision, String actor) {
    StoredView stored = store.put(streamId, view, expectedRevision, actor);
    announce(streamId);
    return stored;
  }

  @Override
  public StoredView putIfAbsent(String streamId, StreamView view, String actor) {
    StoredView stored = store.putIfAbsent(streamId, view, actor);
    announce(streamId);
    return stored;
  }

  @Override
  public boolean remove(String streamId) {
    boolean removed = store.remove(streamId);
    if (removed) {
      announce(streamId);
    }
    return removed;
  }

  private void announce(String streamId) {
    // This node forgets at once, so a read right after the change sees it even before the bus
    // brings the announcement back.
    cache.remove(streamId);
    bus.publish(CHANNEL, streamId.getBytes(StandardCharsets.UTF_8));
  }

  private void changed(String streamId) {
    cache.remove(streamId);
    for (Consumer<String> listener : listeners) {
      try {
        listener.accept(streamId);
      } catch (RuntimeException e) {
        log.warn("stream {}: a listener of its view failed: {}", streamId, e.toString());
      }
    }
  }

  @Override
  public void close() {
    changes.close();
  }
}
