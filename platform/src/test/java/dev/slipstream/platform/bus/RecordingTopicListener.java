package dev.slipstream.platform.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A topic listener that remembers every signal it gets, for tests to inspect. */
public final class RecordingTopicListener implements TopicListener {
  private final List<TopicSignal> signals = new CopyOnWriteArrayList<>();

  @Override
  public void onSignal(TopicSignal signal) {
    signals.add(signal);
  }

  /** Returns every signal so far, oldest first. */
  public List<TopicSignal> signals() {
    return List.copyOf(signals);
  }

  /** Returns the offsets of the events received so far, in the order received. */
  public List<Long> offsets() {
    return signals.stream()
        .filter(TopicEvent.class::isInstance)
        .map(signal -> ((TopicEvent) signal).offset())
        .toList();
  }

  /** Returns the offset of the newest event received, or 0 before the first. */
  public long lastOffset() {
    List<Long> offsets = offsets();
    return offsets.isEmpty() ? 0 : offsets.getLast();
  }
}
