package dev.slipstream.platform.bus;

/**
 * Says that the events from {@code requestedOffset} up to {@code earliestOffset - 1} of a topic are
 * gone because the topic keeps only its newest events. A subscription that gets it continues with
 * {@code earliestOffset}; a reader asks again from there.
 *
 * @param topic the topic
 * @param requestedOffset the first offset asked for
 * @param earliestOffset the oldest offset the topic still holds
 */
public record OffsetsTrimmed(String topic, long requestedOffset, long earliestOffset)
    implements TopicSignal, TopicRead {

  /** Validates that the earliest retained offset lies after the requested one. */
  public OffsetsTrimmed {
    if (requestedOffset < 1 || earliestOffset <= requestedOffset) {
      throw new IllegalArgumentException(
          "earliestOffset must be after requestedOffset >= 1 (was "
              + requestedOffset
              + " and "
              + earliestOffset
              + ")");
    }
  }

  /** Returns how many events were lost. */
  public long lostCount() {
    return earliestOffset - requestedOffset;
  }
}
