package dev.slipstream.media.sfu;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link LiveStreamWatcher}s about streams going live and idle, on one event thread, in the
 * order things happened; a watcher that throws is logged and the others still hear the event.
 *
 * <p>Each event goes to the watchers there when it happened, not when the thread gets to it: a
 * watcher added in between already heard of the stream in its {@code liveNow} list, and would
 * otherwise hear it go live twice. Callers serialise {@link #add}, {@link #live} and {@link #idle}
 * (the media server's publisher lock), so every watcher hears each change exactly once.
 */
final class LiveStreamEvents implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveStreamEvents.class);

  private final List<LiveStreamWatcher> watchers = new CopyOnWriteArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "media-stream-events"));

  /** Adds a watcher, which first hears {@code streamLive} for each of {@code liveNow}. */
  void add(LiveStreamWatcher watcher, Collection<String> liveNow) {
    watchers.add(watcher);
    List<String> live = List.copyOf(liveNow);
    thread.execute(() -> live.forEach(id -> tell(watcher, w -> w.streamLive(id))));
  }

  void live(String streamId) {
    List<LiveStreamWatcher> told = List.copyOf(watchers);
    thread.execute(() -> told.forEach(w -> tell(w, x -> x.streamLive(streamId))));
  }

  void idle(String streamId) {
    List<LiveStreamWatcher> told = List.copyOf(watchers);
    thread.execute(() -> told.forEach(w -> tell(w, x -> x.streamIdle(streamId))));
  }

  private static void tell(LiveStreamWatcher watcher, Consumer<LiveStreamWatcher> event) {
    try {
      event.accept(watcher);
    } catch (RuntimeException e) {
      log.warn("a live-stream watcher failed: {}", e.toString());
    }
  }

  /** Lets the events already told run out, then stops the thread. */
  @Override
  public void close() {
    thread.shutdown();
  }
}
