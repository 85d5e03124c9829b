package dev.slipstream.platform.bus;

import java.util.List;

/**
 * Events read from a topic, in offset order with no gaps; empty when the requested offset lies
 * beyond the newest.
 *
 * @param events the events, oldest first
 */
public record TopicBatch(List<TopicEvent> events) implements TopicRead {

  /** Copies the list so the batch cannot change afterwards. */
  public TopicBatch {
    events = List.copyOf(events);
  }

  /** Returns an empty batch. */
  public static TopicBatch empty() {
    return new TopicBatch(List.of());
  }
}
